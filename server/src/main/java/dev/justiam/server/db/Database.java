package dev.justiam.server.db;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
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
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    private static final ExecutorService HEALTH_CHECKS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "db-health");
        t.setDaemon(true);
        return t;
    });

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
        try (Connection c = dataSource.getConnection()) {
            var db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            // Liquibase reports to the log, not to the console.
            Map<String, Object> scope = Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor());
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.SUMMARY)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute());
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

    /**
     * True when the database answers within two seconds. Waiting for a pooled connection can take
     * the pool's whole connection timeout when the database is gone, longer than a load balancer
     * waits for a probe, so the wait itself is cut off too.
     */
    public boolean isReachable() {
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        }, HEALTH_CHECKS);
        try {
            return check.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
