package dev.justiam.server;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import dev.justiam.server.account.AccountResource;
import dev.justiam.server.applications.ApplicationService;
import dev.justiam.server.applications.ApplicationsResource;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.audit.AuditLogResource;
import dev.justiam.server.audit.AuditQueries;
import dev.justiam.server.auth.AuthResource;
import dev.justiam.server.auth.AuthService;
import dev.justiam.server.auth.Authenticator;
import dev.justiam.server.auth.ContractPermissions;
import dev.justiam.server.auth.ContractSecurityFilter;
import dev.justiam.server.auth.PasswordHasher;
import dev.justiam.server.auth.PortalTokens;
import dev.justiam.server.config.Config;
import dev.justiam.server.crypto.MasterKey;
import dev.justiam.server.db.Database;
import dev.justiam.server.db.EmbeddedPostgres;
import dev.justiam.server.groups.GroupService;
import dev.justiam.server.groups.GroupsResource;
import dev.justiam.server.http.AccessLogFilter;
import dev.justiam.server.http.ErrorMapper;
import dev.justiam.server.http.FormContentDefault;
import dev.justiam.server.http.JsonErrorHandler;
import dev.justiam.server.http.JsonMapperProvider;
import dev.justiam.server.http.TenantFilter;
import dev.justiam.server.http.TimeParamConverters;
import dev.justiam.server.keys.SigningKeys;
import dev.justiam.server.keys.SigningKeysResource;
import dev.justiam.server.mappings.AppMappingService;
import dev.justiam.server.mappings.AppMappingsResource;
import dev.justiam.server.me.MeResource;
import dev.justiam.server.oidc.AuthorizeResource;
import dev.justiam.server.oidc.AuthorizeService;
import dev.justiam.server.oidc.Clients;
import dev.justiam.server.oidc.DiscoveryResource;
import dev.justiam.server.oidc.FirstPartyClient;
import dev.justiam.server.oidc.IntrospectionResource;
import dev.justiam.server.oidc.JwksResource;
import dev.justiam.server.oidc.LogoutResource;
import dev.justiam.server.oidc.RevocationResource;
import dev.justiam.server.oidc.TokenIssuer;
import dev.justiam.server.oidc.TokenResource;
import dev.justiam.server.oidc.TokenService;
import dev.justiam.server.oidc.UserinfoResource;
import dev.justiam.server.saml.SamlResource;
import dev.justiam.server.saml.SamlService;
import dev.justiam.server.system.Housekeeping;
import dev.justiam.server.system.SwaggerResource;
import dev.justiam.server.system.SystemResource;
import dev.justiam.server.tenancy.TenantDirectory;
import dev.justiam.server.tenancy.TenantResolver;
import dev.justiam.server.tenancy.TenantService;
import dev.justiam.server.users.UserService;
import dev.justiam.server.users.UsersResource;
import dev.justiam.server.web.LoginResource;
import dev.justiam.server.web.Pages;
import dev.justiam.server.web.SsoSessions;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server, wired by hand from top to bottom: database, services, HTTP. {@link #start}
 * returns once it answers requests; {@link #close} stops it gracefully, database last.
 */
public final class JustIam implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JustIam.class);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final long MAX_REQUEST_BYTES = 1024 * 1024;
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);

    private final Config config;
    private EmbeddedPostgres embedded;
    private Database db;
    private Server http;
    private Housekeeping housekeeping;

    private JustIam(Config config) {
        this.config = config;
    }

    /** The data layer and domain services, without HTTP; also what command-line tasks use. */
    public static final class Core {
        public final Database db;
        public final MasterKey masterKey;
        public final PasswordHasher hasher = new PasswordHasher();
        public final AuditLog audit = new AuditLog();
        public final SigningKeys keys;
        public final PortalTokens portalTokens;
        public final TenantService tenants;

        Core(Config config, Database db) {
            this.db = db;
            this.masterKey = MasterKey.load(config.masterKey(), config.dataDir());
            this.keys = new SigningKeys(db, masterKey, config.portalTokenLifetime());
            this.portalTokens = new PortalTokens(keys, config.portalTokenLifetime());
            this.tenants = new TenantService(db, keys, hasher, audit);
        }
    }

    static {
        // Jersey, Jetty and Liquibase log through java.util.logging; send it to the same log.
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
        // keycloak-saml-core and the key certificates use Keycloak's crypto provider (BouncyCastle).
        org.keycloak.common.crypto.CryptoIntegration.init(JustIam.class.getClassLoader());
    }

    public static JustIam start(Config config) {
        JustIam app = new JustIam(config);
        try {
            app.boot();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Opens the database (embedded or external) and migrates it; for the server and command-line tasks. */
    public static JustIam openDatabaseOnly(Config config) {
        JustIam app = new JustIam(config);
        try {
            app.openDatabase();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    public Core core() {
        return new Core(config, db);
    }

    public int port() {
        return ((ServerConnector) http.getConnectors()[0]).getLocalPort();
    }

    public Database database() {
        return db;
    }

    /** The JDBC URL, user and password in use, so another node (or a test) can share the database. */
    public String[] databaseCoordinates() {
        if (embedded != null) {
            return new String[] {embedded.jdbcUrl(), embedded.user(), embedded.password()};
        }
        return new String[] {config.dbUrl().orElseThrow(), config.dbUser().orElse(null),
                config.dbPassword().orElse(null)};
    }

    private void boot() {
        openDatabase();
        Core core = core();
        new Bootstrap(core.tenants, config).ensureDefaultTenant();
        startHttp(core);
    }

    private void openDatabase() {
        String url;
        String user;
        String password;
        if (config.embeddedDatabase()) {
            embedded = new EmbeddedPostgres(config.dataDir());
            embedded.start();
            url = embedded.jdbcUrl();
            user = embedded.user();
            password = embedded.password();
        } else {
            url = config.dbUrl().orElseThrow();
            user = config.dbUser().orElse(null);
            password = config.dbPassword().orElse(null);
        }
        db = new Database(url, user, password, 20);
        db.migrate();
    }

    private void startHttp(Core core) {
        var users = new UserService(db, core.hasher, core.audit);
        var groups = new GroupService(db, core.audit);
        var applications = new ApplicationService(db, core.audit);
        var auth = new AuthService(db, core.hasher, core.portalTokens, core.audit, config.lockoutMaxFailures(),
                config.lockoutDuration());
        var authenticator = new Authenticator(db, core.portalTokens);
        var resolver = new TenantResolver(config, new TenantDirectory(db));
        var pages = new Pages(db);
        var ssoSessions = new SsoSessions(db, core.audit);
        var clients = new Clients(db);
        var tokenIssuer = new TokenIssuer(core.keys);
        var tokens = new TokenService(db, tokenIssuer, core.audit);
        housekeeping = new Housekeeping(List.of(tokens::purgeExpired), HOUSEKEEPING_INTERVAL);
        var authorize = new AuthorizeService(db, clients, core.audit);

        ResourceConfig rc = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new JsonMapperProvider())
                .register(new ErrorMapper())
                .register(new TimeParamConverters())
                .register(new TenantFilter(resolver))
                .register(new FormContentDefault())
                .register(new ContractSecurityFilter(ContractPermissions.load(), authenticator))
                .register(new SystemResource(db))
                .register(new SwaggerResource())
                .register(new AuthResource(auth))
                .register(new MeResource(users, groups, applications))
                .register(new UsersResource(users, groups))
                .register(new GroupsResource(groups, users))
                .register(new AuditLogResource(new AuditQueries(db)))
                .register(new ApplicationsResource(applications))
                .register(new AppMappingsResource(new AppMappingService(db, core.audit)))
                .register(new SigningKeysResource(core.keys, db, core.audit))
                // Pages and the browser sign-in session
                .register(new LoginResource(auth, ssoSessions, pages))
                .register(new AccountResource(new FirstPartyClient(db), tokens, authenticator, core.portalTokens,
                        users, ssoSessions, pages))
                // OpenID Connect / OAuth 2.0 provider
                .register(new DiscoveryResource())
                .register(new JwksResource(core.keys))
                .register(new AuthorizeResource(authorize, tokens, ssoSessions, pages))
                .register(new TokenResource(clients, tokens))
                .register(new UserinfoResource(db, tokens))
                .register(new IntrospectionResource(clients, tokens))
                .register(new RevocationResource(clients, tokens))
                .register(new LogoutResource(clients, tokenIssuer, tokens, ssoSessions, pages))
                // SAML 2.0 identity provider
                .register(new SamlResource(new SamlService(db, core.keys, core.audit, ssoSessions), ssoSessions, pages))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        http = new Server(threads);
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(http, new HttpConnectionFactory(httpConfig));
        connector.setPort(config.httpPort());
        http.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new AccessLogFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("jersey", new ServletContainer(rc)), "/*");
        context.setErrorHandler(new JsonErrorHandler());
        http.setErrorHandler(new JsonErrorHandler());
        // Request bodies are small JSON documents or forms; anything larger is refused before it is read.
        SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
        sizeLimit.setHandler(context);
        http.setHandler(new GracefulHandler(sizeLimit));
        http.setStopTimeout(GRACE.toMillis());
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("HTTP server could not start on port " + config.httpPort() + ": "
                    + e.getMessage(), e);
        }
        log.info("JustIAM is listening on port {}", port());
    }

    @Override
    public synchronized void close() {
        if (housekeeping != null) {
            housekeeping.close();
            housekeeping = null;
        }
        if (http != null) {
            try {
                http.stop();
            } catch (Exception e) {
                log.warn("HTTP server did not stop cleanly: {}", e.getMessage());
            }
            http = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
