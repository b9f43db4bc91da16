package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.jiaxing.code.domain.KeyStatus;
import org.jiaxing.code.domain.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** /codes/keys: the city administrator rotates and retires keys; nobody else gets in. */
@SpringBootTest
@AutoConfigureMockMvc
class KeysPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired SigningKeys keys;

    @Test
    void listsTheKeysWithTheSigningOneMarked() {
        int signing = keys.signer().kid();

        assertThat(mvc.get().uri("/codes/keys").with(user(TestUsers.cityAdmin()))).hasStatusOk().bodyText()
                .contains("key-" + signing, "正在签发新码", keys.key(signing).orElseThrow().record().publicKey(),
                        "/.well-known/jiaxing-keys", "生成新密钥");
    }

    @Test
    void onlyTheCityAdministratorMayOpenIt() {
        assertThat(mvc.get().uri("/codes/keys").with(user(TestUsers.townAdmin("danghu")))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/codes/keys/rotate").param("confirm", "true").with(csrf())
                .with(user(TestUsers.townAdmin("danghu")))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void rotateThenRetireTheOldKey() {
        int old = keys.signer().kid();
        var admin = TestUsers.cityAdmin();

        assertThat(mvc.post().uri("/codes/keys/rotate").param("confirm", "true").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/codes/keys");
        int fresh = keys.signer().kid();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(keys.key(fresh).orElseThrow().record().createdBy()).isEqualTo(admin.getUsername());

        assertThat(mvc.post().uri("/codes/keys/{kid}/retire", fresh).param("confirm", "true").with(csrf())
                .with(user(admin))).hasStatus(HttpStatus.CONFLICT).bodyText().contains("不能停用");
        assertThat(mvc.post().uri("/codes/keys/{kid}/retire", old).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(keys.key(old).orElseThrow().record().status()).isEqualTo(KeyStatus.ACTIVE);

        assertThat(mvc.post().uri("/codes/keys/{kid}/retire", old).param("confirm", "true").with(csrf())
                .with(user(admin))).hasStatus(HttpStatus.FOUND);
        assertThat(keys.key(old).orElseThrow().record().status()).isEqualTo(KeyStatus.RETIRED);
        assertThat(keys.key(old).orElseThrow().record().retiredBy()).isEqualTo(admin.getUsername());
        assertThat(mvc.get().uri("/codes/keys").with(user(admin))).hasStatusOk().bodyText().contains("已停用");
    }

    @Test
    void retiringAnUnknownKeyIsNotFound() {
        assertThat(mvc.post().uri("/codes/keys/{kid}/retire", 99_999).param("confirm", "true").with(csrf())
                .with(user(TestUsers.cityAdmin()))).hasStatus(HttpStatus.NOT_FOUND);
    }
}
