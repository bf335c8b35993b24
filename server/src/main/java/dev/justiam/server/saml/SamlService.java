package dev.justiam.server.saml;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.xml.datatype.XMLGregorianCalendar;

import dev.justiam.server.applications.ApplicationMapper;
import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.applications.NameIdFormat;
import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.db.Database;
import dev.justiam.server.groups.GroupMapper;
import dev.justiam.server.groups.GroupRow;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.keys.SigningKeys;
import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.users.UserMapper;
import dev.justiam.server.users.UserRow;
import dev.justiam.server.web.SsoSession;
import dev.justiam.server.web.SsoSessions;
import org.apache.ibatis.session.SqlSession;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.dom.saml.v2.protocol.LogoutRequestType;
import org.keycloak.dom.saml.v2.protocol.RequestAbstractType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SAML 2.0 identity provider: checks AuthnRequests and LogoutRequests from registered service
 * providers, parks a request while the person signs in, and issues signed responses. Every refusal
 * is a {@link SamlFailure}, logged and audited here, and shown on the error page by the resource.
 */
public final class SamlService {

    private static final Logger log = LoggerFactory.getLogger(SamlService.class);

    /** How old a request may be when it arrives. */
    static final Duration MAX_REQUEST_AGE = Duration.ofMinutes(5);
    /** Allowance for SP clocks running ahead of or behind ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** How long a parked request waits for the sign-in. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
    static final int MAX_RELAY_STATE = 1024;

    static final String ACTION_SSO = "saml.sso";
    static final String ACTION_SLO = "saml.slo";
    static final String TARGET_APPLICATION = "application";

    private final Database db;
    private final SigningKeys keys;
    private final AuditLog audit;
    private final SsoSessions sessions;

    public SamlService(Database db, SigningKeys keys, AuditLog audit, SsoSessions sessions) {
        this.db = db;
        this.keys = keys;
        this.audit = audit;
        this.sessions = sessions;
    }

    public String metadata(RequestContext ctx, String appId) {
        ApplicationRow app = loadApplication(ctx, appId);
        SamlEndpoints endpoints = SamlEndpoints.of(ctx.publicUrl(), app.id());
        return SamlMetadata.idpDescriptor(endpoints, app.requireSignedRequests(), keys.certificates(ctx.tenant().id()));
    }

    /** SP-initiated sign-in (SAML Profiles 4.1): an AuthnRequest over HTTP-Redirect or HTTP-POST. */
    public SamlOutcome singleSignOn(RequestContext ctx, String appId, InboundMessage in, Optional<SsoSession> session) {
        return audited(ctx, ACTION_SSO, appId, () -> {
            ApplicationRow app = loadApplication(ctx, appId);
            SamlEndpoints endpoints = SamlEndpoints.of(ctx.publicUrl(), app.id());
            checkRelayState(in.relayState());
            AuthnRequestType request = checkedRequest(app, in, AuthnRequestType.class, endpoints.sso());
            String acs = assertionConsumerService(app, request);

            // SAML Profiles 4.1.4.1: responses go over HTTP-POST here; another binding cannot be honoured.
            if (request.getProtocolBinding() != null
                    && !SamlConstants.BINDING_POST.equals(request.getProtocolBinding().toString())) {
                throw SamlFailure.badRequest("unsupported_binding",
                        "The application asked for a response binding this server does not offer.");
            }
            rememberRequestId(ctx, app, request);

            boolean passive = Boolean.TRUE.equals(request.isIsPassive());
            boolean force = Boolean.TRUE.equals(request.isForceAuthn());
            if (session.isEmpty() && !force && in.binding() == InboundMessage.Binding.POST) {
                // A cross-site POST does not carry the SameSite=Lax session cookie; the GET that follows does.
                return park(ctx, app, request.getID(), acs, in.relayState(), false, passive, false);
            }
            // SAML Core 3.4.1: IsPassive forbids taking control of the user interface.
            if (passive && (session.isEmpty() || force)) {
                return noPassive(ctx, app, endpoints, request.getID(), acs, in.relayState());
            }
            if (session.isEmpty() || force) {
                return park(ctx, app, request.getID(), acs, in.relayState(), force, false, true);
            }
            return issue(ctx, app, endpoints, session.get(), request.getID(), acs, in.relayState());
        });
    }

    /** Back from the sign-in page: the parked request is answered for whoever is now signed in. */
    public SamlOutcome resume(RequestContext ctx, String appId, String pendingId, Optional<SsoSession> session) {
        return audited(ctx, ACTION_SSO, appId, () -> {
            ApplicationRow app = loadApplication(ctx, appId);
            SamlEndpoints endpoints = SamlEndpoints.of(ctx.publicUrl(), app.id());
            if (pendingId == null || pendingId.length() > 100) {
                throw expiredPending();
            }
            UUID tenantId = ctx.tenant().id();
            PendingRequest pending = db.read(s -> s.getMapper(SamlMapper.class)
                    .findPendingRequest(tenantId, app.id(), pendingId));
            if (pending == null) {
                throw expiredPending();
            }
            String back = SamlEndpoints.continuePath(app.id(), pendingId);
            if (session.isEmpty() && pending.passive()) {
                PendingRequest taken = take(tenantId, app, pendingId);
                return noPassive(ctx, app, endpoints, taken.requestId(), taken.acsUrl(), taken.relayState());
            }
            // SAML Core 3.4.1: ForceAuthn needs a sign-in that happened after the request arrived.
            if (session.isEmpty() || pending.forceAuthn()
                    && session.get().authTime().isBefore(pending.createdAt().toInstant())) {
                return new SamlOutcome.Redirect(SamlEndpoints.signInPath(back, pending.forceAuthn()));
            }
            PendingRequest taken = take(tenantId, app, pendingId);
            return issue(ctx, app, endpoints, session.get(), taken.requestId(), taken.acsUrl(), taken.relayState());
        });
    }

    /** IdP-initiated sign-in (SAML Profiles 4.1.5): an unsolicited response to the first ACS URL. */
    public SamlOutcome idpInitiated(RequestContext ctx, String appId, String relayState, Optional<SsoSession> session) {
        return audited(ctx, ACTION_SSO, appId, () -> {
            ApplicationRow app = loadApplication(ctx, appId);
            SamlEndpoints endpoints = SamlEndpoints.of(ctx.publicUrl(), app.id());
            if (!app.idpInitiatedAllowed()) {
                throw SamlFailure.forbidden("idp_initiated_refused",
                        "This application accepts sign-ins only when it asks for them.");
            }
            checkRelayState(relayState);
            String acs = app.acsUrlList().stream().findFirst().orElseThrow(() -> SamlFailure.badRequest(
                    "no_acs_url", "This application has no assertion consumer service address."));
            if (session.isEmpty()) {
                return park(ctx, app, null, acs, relayState, false, false, true);
            }
            return issue(ctx, app, endpoints, session.get(), null, acs, relayState);
        });
    }

    /** Single logout (SAML Profiles 4.4): ends this browser's session, answers the SP's SLO URL. */
    public SamlOutcome singleLogout(RequestContext ctx, String appId, InboundMessage in, Optional<SsoSession> session) {
        return audited(ctx, ACTION_SLO, appId, () -> {
            ApplicationRow app = loadApplication(ctx, appId);
            SamlEndpoints endpoints = SamlEndpoints.of(ctx.publicUrl(), app.id());
            checkRelayState(in.relayState());
            LogoutRequestType request = checkedRequest(app, in, LogoutRequestType.class, endpoints.slo());
            // SAML Core 3.7.1: a LogoutRequest past its NotOnOrAfter is no longer valid.
            Instant notOnOrAfter = request.getNotOnOrAfter() == null ? null
                    : request.getNotOnOrAfter().toGregorianCalendar().toInstant();
            if (notOnOrAfter != null && !notOnOrAfter.isAfter(Instant.now().minus(CLOCK_SKEW))) {
                throw SamlFailure.badRequest("request_expired", "The logout request has expired.");
            }
            if (app.sloUrl() == null || app.sloUrl().isBlank()) {
                throw SamlFailure.badRequest("no_slo_url",
                        "This application has no single logout address; sign out from JustIAM directly.");
            }
            rememberRequestId(ctx, app, request);

            UUID tenantId = ctx.tenant().id();
            boolean ended = endSessions(ctx, app, request, session);
            Actor actor = session.map(s -> ctx.actor().as(s.userId(), s.username())).orElse(ctx.actor());
            Map<String, Object> details = Map.of("session_ended", ended);
            db.runInTransaction(s -> audit.record(s, actor.success(ACTION_SLO, TARGET_APPLICATION, app.id(), details)));
            log.info("SAML logout: tenant={} app={} session_ended={}", tenantId, app.id(), ended);
            // The response goes back over the binding the request came by, as service providers expect.
            if (in.binding() == InboundMessage.Binding.REDIRECT) {
                return new SamlOutcome.RedirectBinding(SamlResponses.logoutForRedirect(endpoints.entityId(),
                        app.sloUrl(), request.getID(), in.relayState(), keys.signingCredential(tenantId)));
            }
            String response = SamlResponses.logoutForPost(endpoints.entityId(), app.sloUrl(), request.getID(),
                    keys.signingCredential(tenantId));
            return new SamlOutcome.Post(app.sloUrl(), SamlConstants.PARAM_RESPONSE, response, in.relayState());
        });
    }

    private SamlOutcome issue(RequestContext ctx, ApplicationRow app, SamlEndpoints endpoints, SsoSession session,
            String requestId, String acs, String relayState) {
        UUID tenantId = ctx.tenant().id();
        NameIdFormat format = SamlConstants.nameIdFormat(app.nameIdFormat());
        SamlResponses.Login login = db.inTransaction(s -> {
            UserRow user = s.getMapper(UserMapper.class).findUserById(tenantId, session.userId());
            if (user == null || user.isDisabled()) {
                throw SamlFailure.forbidden("user_inactive", "Your account cannot sign in.");
            }
            if (app.assignmentRequired()
                    && !s.getMapper(AppMappingMapper.class).isUserMapped(tenantId, app.id(), user.id())) {
                throw SamlFailure.forbidden("not_assigned", "You do not have access to this application.");
            }
            String nameId = nameId(s, app, user, format);
            List<SamlAttributes.Mapping> mappings = SamlAttributes.parse(app.attributeMappings());
            Map<String, List<String>> attributes = SamlAttributes.resolve(mappings, user,
                    () -> groupNames(s, tenantId, user.id()),
                    () -> s.getMapper(AppMappingMapper.class).findRolesOfUser(tenantId, app.id(), user.id()));

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("session_id", session.sessionId().toString());
            details.put("unsolicited", requestId == null);
            audit.record(s, ctx.actor().as(user.id(), user.username())
                    .success(ACTION_SSO, TARGET_APPLICATION, app.id(), details));
            return new SamlResponses.Login(endpoints.entityId(), app.entityId(), acs, requestId, format.urn(), nameId,
                    session.authTime(), sessionIndex(session.sessionId(), app), attributes, app.signResponse(),
                    // Something is always signed: with neither chosen, the assertion is.
                    app.signAssertion() || !app.signResponse());
        });
        sessions.recordApplication(tenantId, session.sessionId(), app.id());
        log.info("SAML sign-in: tenant={} app={} user={} unsolicited={}", tenantId, app.id(), session.userId(),
                requestId == null);
        String response = SamlResponses.login(login, keys.signingCredential(tenantId));
        return new SamlOutcome.Post(acs, SamlConstants.PARAM_RESPONSE, response, relayState);
    }

    /**
     * SAML Core 3.7.3.2: the sessions the request names end. That is this browser's session when its
     * cookie came along (and SessionIndex, if given, names it); otherwise, as after a cross-site
     * POST without the cookie, the sessions of the NameID's user that SessionIndex names.
     */
    private boolean endSessions(RequestContext ctx, ApplicationRow app, LogoutRequestType request,
            Optional<SsoSession> session) {
        List<String> indexes = request.getSessionIndex();
        if (session.isPresent()) {
            if (!indexes.isEmpty() && !indexes.contains(sessionIndex(session.get().sessionId(), app))) {
                return false;
            }
            sessions.end(ctx.actor().as(session.get().userId(), session.get().username()), session.get().sessionId());
            return true;
        }
        if (indexes.isEmpty() || request.getNameID() == null) {
            return false;
        }
        UUID tenantId = ctx.tenant().id();
        String nameId = request.getNameID().getValue();
        List<UUID> named = db.read(s -> {
            SamlMapper mapper = s.getMapper(SamlMapper.class);
            UUID userId = SamlConstants.nameIdFormat(app.nameIdFormat()) == NameIdFormat.PERSISTENT
                    ? mapper.findUserByPersistentId(tenantId, app.id(), nameId)
                    : mapper.findUserIdByLogin(tenantId, nameId);
            return userId == null ? List.<UUID>of() : mapper.findLiveSessionIds(tenantId, userId).stream()
                    .filter(id -> indexes.contains(sessionIndex(id, app))).toList();
        });
        named.forEach(id -> sessions.end(ctx.actor(), id));
        return !named.isEmpty();
    }

    private SamlOutcome noPassive(RequestContext ctx, ApplicationRow app, SamlEndpoints endpoints, String requestId,
            String acs, String relayState) {
        recordFailure(ctx, ACTION_SSO, app.id().toString(), "no_passive");
        log.info("SAML passive sign-in without session: tenant={} app={}", ctx.tenant().id(), app.id());
        String response = SamlResponses.noPassive(endpoints.entityId(), acs, requestId,
                keys.signingCredential(ctx.tenant().id()));
        return new SamlOutcome.Post(acs, SamlConstants.PARAM_RESPONSE, response, relayState);
    }

    private PendingRequest take(UUID tenantId, ApplicationRow app, String pendingId) {
        PendingRequest taken = db.inTransaction(s -> s.getMapper(SamlMapper.class)
                .takePendingRequest(tenantId, app.id(), pendingId));
        if (taken == null) {
            throw expiredPending();
        }
        return taken;
    }

    /**
     * Parks the request and sends the browser to the sign-in page, or (when {@code toSignIn} is
     * false) back to this server by GET so its session cookie shows, then to the sign-in page if
     * there is none.
     */
    private SamlOutcome park(RequestContext ctx, ApplicationRow app, String requestId, String acs,
            String relayState, boolean force, boolean passive, boolean toSignIn) {
        String id = Secrets.randomToken(24);
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(PENDING_LIFETIME);
        PendingRequest pending = new PendingRequest(id, ctx.tenant().id(), app.id(), requestId, acs, relayState, force,
                passive, null, expires);
        db.runInTransaction(s -> {
            SamlMapper mapper = s.getMapper(SamlMapper.class);
            if (ThreadLocalRandom.current().nextInt(64) == 0) {
                mapper.deleteExpiredPendingRequests();
            }
            mapper.insertPendingRequest(pending);
        });
        String back = SamlEndpoints.continuePath(app.id(), id);
        return new SamlOutcome.Redirect(toSignIn ? SamlEndpoints.signInPath(back, force) : back);
    }

    /** Decodes the message, then checks kind, issuer, signature, destination and age. */
    private <T extends RequestAbstractType> T checkedRequest(ApplicationRow app, InboundMessage in, Class<T> type,
            String endpoint) {
        SamlMessages.Decoded decoded = SamlMessages.decode(in);
        if (!type.isInstance(decoded.message())) {
            throw SamlFailure.badRequest("unexpected_message", "This address does not accept that kind of message.");
        }
        T request = type.cast(decoded.message());

        // SAML Profiles 4.1.4.1 and 4.4.4.1: the Issuer must be present and be the SP's entity ID.
        String issuer = request.getIssuer() == null ? null : request.getIssuer().getValue();
        if (issuer == null || !issuer.equals(app.entityId())) {
            throw SamlFailure.badRequest("issuer_mismatch", "The request does not come from this application.");
        }

        // SAML Profiles 4.1.4.1 and 4.4.4.1: signatures are checked when present, and required when the
        // application says so (its metadata's AuthnRequestsSigned, or the administrator's choice).
        boolean signed = SamlSignatures.isSigned(in, decoded.document());
        if (app.requireSignedRequests() && !signed) {
            throw SamlFailure.badRequest("unsigned_request", "This application must sign its requests.");
        }
        if (signed) {
            var certificate = SamlSignatures.spCertificate(app.spCertificate()).orElseThrow(() -> SamlFailure
                    .badRequest("no_sp_certificate", "The request is signed but no certificate is registered for "
                            + "this application to check it with."));
            SamlSignatures.verify(in, decoded.document(), certificate.getPublicKey(), SamlConstants.PARAM_REQUEST);
        }

        // SAML Bindings 3.4.5.2 and 3.5.5.2: a signed message must name its Destination.
        if (signed && request.getDestination() == null) {
            throw SamlFailure.badRequest("destination_missing", "The signed request does not name its destination.");
        }
        // SAML Core 3.2.1: a Destination, when given, must be where the message arrived.
        if (request.getDestination() != null && !endpoint.equals(request.getDestination().toString())) {
            throw SamlFailure.badRequest("destination_mismatch", "The request was meant for another address.");
        }
        checkIssueInstant(request.getIssueInstant());
        if (request.getID() == null || request.getID().isBlank() || request.getID().length() > 256) {
            throw SamlFailure.badRequest("missing_id", "The request has no usable ID.");
        }
        return request;
    }

    /**
     * SAML Profiles 4.1.4.1: the ACS URL must belong to the SP. An unregistered URL is an error
     * shown here, never a response posted to it; without one, the first registered URL is used.
     */
    private static String assertionConsumerService(ApplicationRow app, AuthnRequestType request) {
        List<String> registered = app.acsUrlList();
        if (request.getAssertionConsumerServiceURL() != null) {
            String asked = request.getAssertionConsumerServiceURL().toString();
            if (!registered.contains(asked)) {
                throw SamlFailure.badRequest("acs_url_not_registered",
                        "The application asked for its response to go to an address it has not registered.");
            }
            return asked;
        }
        Integer index = request.getAssertionConsumerServiceIndex();
        if (index != null) {
            if (index < 0 || index >= registered.size()) {
                throw SamlFailure.badRequest("acs_index_unknown",
                        "The application asked for an assertion consumer service it has not registered.");
            }
            return registered.get(index);
        }
        if (registered.isEmpty()) {
            throw SamlFailure.badRequest("no_acs_url", "This application has no assertion consumer service address.");
        }
        return registered.get(0);
    }

    /** SAML Core 1.3.3 and Profiles 4.1.4.3: an old request (or one from the future) is refused. */
    private static void checkIssueInstant(XMLGregorianCalendar issueInstant) {
        if (issueInstant == null) {
            throw SamlFailure.badRequest("missing_issue_instant", "The request has no IssueInstant.");
        }
        Instant issued = issueInstant.toGregorianCalendar().toInstant();
        Instant now = Instant.now();
        if (issued.isBefore(now.minus(MAX_REQUEST_AGE).minus(CLOCK_SKEW))) {
            throw SamlFailure.badRequest("request_expired", "The request has expired; start again from the "
                    + "application.");
        }
        if (issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw SamlFailure.badRequest("request_not_yet_valid", "The request is dated in the future.");
        }
    }

    /** A request ID is accepted once; it is kept until the IssueInstant check would refuse it anyway. */
    private void rememberRequestId(RequestContext ctx, ApplicationRow app, RequestAbstractType request) {
        Instant issued = request.getIssueInstant().toGregorianCalendar().toInstant();
        OffsetDateTime keepUntil = OffsetDateTime.ofInstant(issued.plus(MAX_REQUEST_AGE).plus(CLOCK_SKEW)
                .plus(CLOCK_SKEW), ZoneOffset.UTC);
        int inserted = db.inTransaction(s -> {
            SamlMapper mapper = s.getMapper(SamlMapper.class);
            if (ThreadLocalRandom.current().nextInt(64) == 0) {
                mapper.deleteExpiredSeenRequests();
            }
            return mapper.insertSeenRequest(ctx.tenant().id(), app.id(), request.getID(), keepUntil);
        });
        if (inserted == 0) {
            throw SamlFailure.badRequest("replayed_request", "This request has already been used.");
        }
    }

    private ApplicationRow loadApplication(RequestContext ctx, String appId) {
        UUID id;
        try {
            id = UUID.fromString(appId);
        } catch (IllegalArgumentException e) {
            throw unknownApplication();
        }
        ApplicationRow app = db.read(s -> s.getMapper(ApplicationMapper.class)
                .findApplicationById(ctx.tenant().id(), id));
        if (app == null || !app.isSaml()) {
            throw unknownApplication();
        }
        if (!app.enabled()) {
            throw SamlFailure.forbidden("application_disabled", "This application is disabled.");
        }
        return app;
    }

    private static String nameId(SqlSession s, ApplicationRow app, UserRow user, NameIdFormat format) {
        return switch (format) {
            case EMAIL -> {
                if (user.email() == null || user.email().isBlank()) {
                    throw SamlFailure.forbidden("no_email",
                            "This application identifies people by email address, and your account has none.");
                }
                yield user.email();
            }
            case PERSISTENT -> persistentId(s, app, user);
            // SAML Core 8.3.8: a transient identifier is new for every assertion.
            case TRANSIENT -> "_" + Secrets.randomToken(20);
            case UNSPECIFIED -> user.username();
        };
    }

    /** SAML Core 8.3.7: opaque, stable for this user at this SP, and different at every other SP. */
    private static String persistentId(SqlSession s, ApplicationRow app, UserRow user) {
        SamlMapper mapper = s.getMapper(SamlMapper.class);
        String existing = mapper.findPersistentId(user.tenantId(), app.id(), user.id());
        if (existing != null) {
            return existing;
        }
        mapper.insertPersistentId(user.tenantId(), app.id(), user.id(), Secrets.randomToken(24));
        return mapper.findPersistentId(user.tenantId(), app.id(), user.id());
    }

    private static List<String> groupNames(SqlSession s, UUID tenantId, UUID userId) {
        return s.getMapper(GroupMapper.class).findGroups(tenantId, null, userId, 1000, 0).stream()
                .map(GroupRow::name).toList();
    }

    /** The SessionIndex given to one SP: derived from the session, but not its id, and different per SP. */
    static String sessionIndex(UUID sessionId, ApplicationRow app) {
        byte[] digest = Secrets.sha256((sessionId + ":" + app.id()).getBytes(StandardCharsets.UTF_8));
        return "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
    }

    private static void checkRelayState(String relayState) {
        if (relayState != null && relayState.length() > MAX_RELAY_STATE) {
            throw SamlFailure.badRequest("relay_state_too_long", "The request's RelayState is too long.");
        }
    }

    private <T> T audited(RequestContext ctx, String action, String appId, Supplier<T> work) {
        try {
            return work.get();
        } catch (SamlFailure f) {
            log.warn("SAML request refused: tenant={} action={} app={} reason={}", ctx.tenant().id(), action,
                    safeId(appId), f.reason());
            recordFailure(ctx, action, safeId(appId), f.reason());
            throw f;
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            log.error("SAML request failed: tenant={} action={} app={} error_id={}", ctx.tenant().id(), action,
                    safeId(appId), errorId, e);
            recordFailure(ctx, action, safeId(appId), "internal_error");
            throw SamlFailure.internal(errorId);
        }
    }

    private void recordFailure(RequestContext ctx, String action, String appId, String reason) {
        db.runInTransaction(s -> audit.record(s, ctx.actor().failure(action, TARGET_APPLICATION, appId,
                Map.of("reason", reason))));
    }

    private static String safeId(String appId) {
        if (appId == null) {
            return null;
        }
        String cleaned = appId.replaceAll("[^A-Za-z0-9-]", "");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static SamlFailure unknownApplication() {
        return SamlFailure.notFound("unknown_application", "This application is not known.");
    }

    private static SamlFailure expiredPending() {
        return SamlFailure.badRequest("request_expired",
                "This sign-in request has expired or was already used; start again from the application.");
    }
}
