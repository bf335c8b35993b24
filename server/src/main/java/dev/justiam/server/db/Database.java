package dev.justiam.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, the schema migrations and the MyBatis session factory. Services run their
 * work through {@link #inTransaction}; mappers are only reached from inside it.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private final HikariDataSource dataSource;
    private final SqlSessionFactory sessions;

    public Database(String url, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("justiam");
        hc.setAutoCommit(false);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(30_000);
        this.dataSource = new HikariDataSource(hc);
        this.sessions = buildSessionFactory(dataSource);
    }

    /** Brings the schema up to date; a second run on a migrated database changes nothing. */
    public void migrate() {
        System.setProperty("liquibase.showSummaryOutput", "log");
        try (Connection c = dataSource.getConnection()) {
            var db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            // Liquibase reports to the log, not to the console.
            Map<String, Object> scope = Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.showSummaryOutput", UpdateSummaryOutputEnum.LOG,
                    "liquibase.showSummary", UpdateSummaryEnum.OFF);
            Scope.child(scope, () -> {
                try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), db)) {
                    liquibase.update("");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
        log.info("Database schema is up to date");
    }

    public <T> T inTransaction(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(ExecutorType.SIMPLE, TransactionIsolationLevel.READ_COMMITTED)) {
            T result = work.apply(session);
            session.commit(true);
            return result;
        }
    }

    public void runInTransaction(java.util.function.Consumer<SqlSession> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /** Read-only work; nothing is committed. */
    public <T> T read(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(ExecutorType.SIMPLE, TransactionIsolationLevel.READ_COMMITTED)) {
            return work.apply(session);
        }
    }

    /** True when the database answers a trivial query within two seconds. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    public static UUID newId() {
        return UUID.randomUUID();
    }

    private static SqlSessionFactory buildSessionFactory(DataSource ds) {
        Configuration config = new Configuration(new Environment("justiam", new JdbcTransactionFactory(), ds));
        config.setMapUnderscoreToCamelCase(true);
        config.setDefaultStatementTimeout(30);
        config.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
        config.getTypeHandlerRegistry().register(String[].class, new StringArrayTypeHandler());
        for (Class<?> mapper : Mappers.ALL) {
            config.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(config);
    }
}
