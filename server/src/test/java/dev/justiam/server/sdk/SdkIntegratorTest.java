package dev.justiam.server.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.justiam.sdk.ApiException;
import dev.justiam.sdk.JustIamClient;
import dev.justiam.sdk.model.Group;
import dev.justiam.sdk.model.GroupCreate;
import dev.justiam.sdk.model.GroupMembersAdd;
import dev.justiam.sdk.model.User;
import dev.justiam.sdk.model.UserCreate;
import dev.justiam.sdk.model.UserPage;
import dev.justiam.sdk.model.UserStatus;
import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The generated Java SDK driving the live server, the way an integrator would use it. */
class SdkIntegratorTest {

    private static final String PASSWORD = "an sdk user passphrase";

    @Test
    void sdkWhenAdminManagesUsersAndGroupsThenUserCanSignInAndReadMe() throws ApiException {
        String baseUrl = TestServer.baseUrl();
        JustIamClient admin = JustIamClient.signIn(baseUrl, "admin", TestServer.ADMIN_PASSWORD);
        String tag = "sdk" + UUID.randomUUID().toString().substring(0, 6);

        User user = admin.users().createUser(new UserCreate().username(tag + "-jane")
                .email(tag + ".jane@example.com").firstName("Jane").password(PASSWORD));
        Group group = admin.groups().createGroup(new GroupCreate().name(tag + "-team").description("SDK made"));
        admin.groups().addGroupMembers(group.getId(), new GroupMembersAdd().addUserIdsItem(user.getId()));
        for (int i = 0; i < 4; i++) {
            admin.users().createUser(new UserCreate().username(tag + "-extra" + i));
        }

        assertEquals(UserStatus.ACTIVE, user.getStatus());
        assertEquals(1L, admin.groups().getGroup(group.getId()).getMemberCount());
        List<User> members = admin.groups().listGroupMembers(group.getId(), 1, 20, null).getData();
        assertEquals(List.of(user.getId()), members.stream().map(User::getId).toList());

        List<User> all = new ArrayList<>();
        UserPage page;
        int number = 1;
        do {
            page = admin.users().listUsers(number++, 2, tag, null, null);
            all.addAll(page.getData());
        } while (page.getData().size() == page.getLimit());
        assertEquals(5L, page.getTotal());
        assertEquals(5, all.size());
        Set<UUID> distinct = new HashSet<>(all.stream().map(User::getId).toList());
        assertEquals(5, distinct.size());

        JustIamClient jane = JustIamClient.signIn(baseUrl, tag + ".JANE@example.com", PASSWORD);
        User me = jane.me().getMe();
        assertEquals(user.getId(), me.getId());
        assertEquals("Jane", me.getFirstName());
        assertEquals(List.of(group.getId()),
                jane.me().listMyGroups(1, 20).getData().stream().map(Group::getId).toList());
    }

    @Test
    void sdkWhenTokenLacksPermissionOrIsWrongThenApiExceptionWithEnvelope() throws ApiException {
        String baseUrl = TestServer.baseUrl();
        JustIamClient admin = JustIamClient.signIn(baseUrl, "admin", TestServer.ADMIN_PASSWORD);
        String username = "sdk" + UUID.randomUUID().toString().substring(0, 6);
        admin.users().createUser(new UserCreate().username(username).password(PASSWORD));
        JustIamClient plain = JustIamClient.signIn(baseUrl, username, PASSWORD);

        ApiException forbidden = assertThrows(ApiException.class, () -> plain.users().listUsers(1, 20, null, null, null));
        assertEquals(403, forbidden.getCode());
        assertTrue(forbidden.getResponseBody().contains("\"forbidden\""), forbidden.getResponseBody());

        ApiException unauthenticated = assertThrows(ApiException.class,
                () -> JustIamClient.create(baseUrl, "not-a-token").me().getMe());
        assertEquals(401, unauthenticated.getCode());

        assertEquals("ok", JustIamClient.anonymous(baseUrl).system().getHealth().getStatus().getValue());
    }
}
