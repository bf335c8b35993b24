package dev.justiam.server.oidc;

import java.util.List;

/**
 * Every protocol word of OAuth 2.0 and OpenID Connect the server uses: parameter names, error
 * codes, grant types, client authentication methods, scopes and endpoint paths. Written once here.
 */
public final class OAuth2 {

    private OAuth2() {
    }

    // Endpoint paths (relative to the issuer)
    public static final String AUTHORIZE_PATH = "/oauth2/authorize";
    public static final String CONSENT_PATH = "/oauth2/consent";
    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String USERINFO_PATH = "/oauth2/userinfo";
    public static final String JWKS_PATH = "/oauth2/jwks";
    public static final String INTROSPECT_PATH = "/oauth2/introspect";
    public static final String REVOKE_PATH = "/oauth2/revoke";
    public static final String LOGOUT_PATH = "/oauth2/logout";

    // Request parameters
    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";
    public static final String CLIENT_ASSERTION = "client_assertion";
    public static final String CLIENT_ASSERTION_TYPE = "client_assertion_type";
    public static final String RESPONSE_TYPE = "response_type";
    public static final String RESPONSE_MODE = "response_mode";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String SCOPE = "scope";
    public static final String STATE = "state";
    public static final String NONCE = "nonce";
    public static final String PROMPT = "prompt";
    public static final String MAX_AGE = "max_age";
    public static final String LOGIN_HINT = "login_hint";
    public static final String REQUEST = "request";
    public static final String REQUEST_URI = "request_uri";
    public static final String CODE = "code";
    public static final String CODE_CHALLENGE = "code_challenge";
    public static final String CODE_CHALLENGE_METHOD = "code_challenge_method";
    public static final String CODE_VERIFIER = "code_verifier";
    public static final String GRANT_TYPE = "grant_type";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String TOKEN = "token";
    public static final String TOKEN_TYPE_HINT = "token_type_hint";
    public static final String ACCESS_TOKEN = "access_token";
    public static final String ID_TOKEN = "id_token";
    public static final String ID_TOKEN_HINT = "id_token_hint";
    public static final String POST_LOGOUT_REDIRECT_URI = "post_logout_redirect_uri";
    public static final String ISS = "iss";

    // Response fields
    public static final String ERROR = "error";
    public static final String ERROR_DESCRIPTION = "error_description";
    public static final String TOKEN_TYPE = "token_type";
    public static final String EXPIRES_IN = "expires_in";
    public static final String BEARER = "Bearer";

    // Error codes: RFC 6749 §4.1.2.1 and §5.2, OIDC Core §3.1.2.6, RFC 6750 §3.1, RFC 7009 §2.2.1
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String SERVER_ERROR = "server_error";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String LOGIN_REQUIRED = "login_required";
    public static final String CONSENT_REQUIRED = "consent_required";
    public static final String INTERACTION_REQUIRED = "interaction_required";
    public static final String REQUEST_NOT_SUPPORTED = "request_not_supported";
    public static final String REQUEST_URI_NOT_SUPPORTED = "request_uri_not_supported";
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    // Grant and response types
    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String RESPONSE_TYPE_CODE = "code";
    public static final String RESPONSE_MODE_QUERY = "query";
    public static final String RESPONSE_MODE_FORM_POST = "form_post";
    public static final String S256 = "S256";

    // Prompt values (OIDC Core §3.1.2.1)
    public static final String PROMPT_NONE = "none";
    public static final String PROMPT_LOGIN = "login";
    public static final String PROMPT_CONSENT = "consent";
    public static final String PROMPT_SELECT_ACCOUNT = "select_account";

    // Client authentication methods
    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    public static final String CLIENT_SECRET_POST = "client_secret_post";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    public static final String NONE = "none";
    public static final String JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    // Scopes
    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final String GROUPS = "groups";
    public static final List<String> SUPPORTED_SCOPES = List.of(OPENID, PROFILE, EMAIL, GROUPS);

    // Token type hints (RFC 7009 §2.1)
    public static final String HINT_ACCESS_TOKEN = "access_token";
    public static final String HINT_REFRESH_TOKEN = "refresh_token";
}
