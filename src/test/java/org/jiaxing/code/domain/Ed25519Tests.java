package org.jiaxing.code.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ed25519Tests {

    private static final byte[] MESSAGE = "venue 42".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAndVerifies() {
        KeyPair pair = Ed25519.generate();
        byte[] signature = Ed25519.sign(pair.getPrivate(), MESSAGE);

        assertThat(signature).hasSize(64);
        assertThat(Ed25519.verify(pair.getPublic(), MESSAGE, signature)).isTrue();
        assertThat(Ed25519.verify(Ed25519.generate().getPublic(), MESSAGE, signature)).isFalse();
        assertThat(Ed25519.verify(pair.getPublic(), "venue 43".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void derivesThePublicKeyFromThePrivateKey() {
        KeyPair pair = Ed25519.generate();

        assertThat(Ed25519.publicKeyOf(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(Ed25519.publicKeyOf(Ed25519.privateKeyFromPkcs8(pair.getPrivate().getEncoded())).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void rawPublicKeyRoundTrips() {
        KeyPair pair = Ed25519.generate();
        byte[] raw = Ed25519.rawPublicKey(pair.getPublic());

        assertThat(raw).hasSize(32);
        assertThat(Ed25519.publicKeyFromRaw(raw).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void refusesTheMalleableTwinOfASignature() {
        KeyPair pair = Ed25519.generate();
        byte[] signature = Ed25519.sign(pair.getPrivate(), MESSAGE);
        BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64));
        BigInteger twin = s.add(order);
        if (twin.bitLength() <= 256) {
            byte[] malleable = signature.clone();
            System.arraycopy(toLittleEndian(twin), 0, malleable, 32, 32);
            assertThat(Ed25519.verify(pair.getPublic(), MESSAGE, malleable)).isFalse();
        }
        assertThat(Ed25519.verify(pair.getPublic(), MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(Ed25519.verify(pair.getPublic(), MESSAGE, new byte[64])).isFalse();
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] big = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            big[bytes.length - i] = bytes[i];
        }
        return new BigInteger(big);
    }

    private static byte[] toLittleEndian(BigInteger value) {
        byte[] big = value.toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
