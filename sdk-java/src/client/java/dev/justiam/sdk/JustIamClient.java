package dev.justiam.sdk;

import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.function.Consumer;

import dev.justiam.sdk.api.AuditLogApi;
import dev.justiam.sdk.api.AuthenticationApi;
import dev.justiam.sdk.api.CurrentUserApi;
import dev.justiam.sdk.api.GroupsApi;
import dev.justiam.sdk.api.SystemApi;
import dev.justiam.sdk.api.UsersApi;
import dev.justiam.sdk.model.LoginRequest;

/**
 * The entry point of the SDK: a client for one JustIAM server that sends a bearer token with
 * every call, and the generated API groups bound to it.
 *
 * <pre>{@code
 * JustIamClient client = JustIamClient.create("https://iam.example.com", token);
 * UserPage users = client.users().listUsers(1, 20, null, null, null);
 * }</pre>
 */
public final class JustIamClient {

    private final ApiClient apiClient;

    private JustIamClient(ApiClient apiClient) {
        this.apiClient = apiClient;
    }

    /** A client that authenticates with a portal token or personal access token. */
    public static JustIamClient create(String baseUrl, String token) {
        Objects.requireNonNull(token, "token");
        return new JustIamClient(apiClient(baseUrl, builder -> builder.header("Authorization", "Bearer " + token)));
    }

    /** A client without a token, for the public operations (sign-in, health, version). */
    public static JustIamClient anonymous(String baseUrl) {
        return new JustIamClient(apiClient(baseUrl, null));
    }

    /** Signs in with a username or email and a password, and returns a client using the new token. */
    public static JustIamClient signIn(String baseUrl, String login, String password) throws ApiException {
        String token = anonymous(baseUrl).auth()
                .login(new LoginRequest().login(login).password(password)).getToken();
        return create(baseUrl, token);
    }

    private static ApiClient apiClient(String baseUrl, Consumer<HttpRequest.Builder> interceptor) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        client.setRequestInterceptor(interceptor);
        return client;
    }

    /** The underlying generated client, for timeouts, an own HTTP client builder and the like. */
    public ApiClient apiClient() {
        return apiClient;
    }

    public AuthenticationApi auth() {
        return new AuthenticationApi(apiClient);
    }

    public CurrentUserApi me() {
        return new CurrentUserApi(apiClient);
    }

    public UsersApi users() {
        return new UsersApi(apiClient);
    }

    public GroupsApi groups() {
        return new GroupsApi(apiClient);
    }

    public AuditLogApi auditLogs() {
        return new AuditLogApi(apiClient);
    }

    public SystemApi system() {
        return new SystemApi(apiClient);
    }
}
