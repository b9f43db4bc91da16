package org.jiaxing.code.domain;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Ed25519 through the JDK's own provider (no third-party crypto), and the raw 32-byte key form. */
public final class Ed25519 {

    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    /** DER header of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The group order L; a signature whose S is not below L is rejected (no malleable copies). */
    private static final BigInteger ORDER = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519 (needs Java 15+)", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Never throws: a signature of the wrong size, a non-canonical S or a mismatch is simply false. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH || !canonicalS(signature)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519 (needs Java 15+)", e);
        }
    }

    private static boolean canonicalS(byte[] signature) {
        byte[] littleEndian = Arrays.copyOfRange(signature, 32, 64);
        byte[] bigEndian = new byte[33];
        for (int i = 0; i < 32; i++) {
            bigEndian[32 - i] = littleEndian[i];
        }
        return new BigInteger(bigEndian).compareTo(ORDER) < 0;
    }

    /** The 32-byte public key (RFC 8032 encoding), as published in the well-known JSON. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_PREFIX.length + PUBLIC_KEY_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("Not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    public static PublicKey publicKeyFromRaw(byte[] raw) {
        if (raw.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_LENGTH);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, PUBLIC_KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    public static PrivateKey privateKeyFromPkcs8(byte[] der) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
                throw new IllegalArgumentException("Not an Ed25519 private key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key in PKCS#8 form", e);
        }
    }

    /**
     * The public half of a private key. The JDK has no direct API for this, so the key pair is
     * regenerated from the private seed (the generator draws exactly the 32-byte seed from its random
     * source) and checked with a test signature, so that a different JDK behaviour fails loudly.
     */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("Ed25519 private key without its seed"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            PublicKey publicKey = generator.generateKeyPair().getPublic();
            byte[] probe = "jiaxing key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (!verify(publicKey, probe, sign(privateKey, probe))) {
                throw new IllegalStateException("Could not derive the Ed25519 public key on this JDK");
            }
            return publicKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519 (needs Java 15+)", e);
        }
    }

    /** Hands out the given seed instead of random bytes; used only by {@link #publicKeyOf}. */
    private static final class FixedSeed extends SecureRandom {

        private final byte[] seed;

        private FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Unexpected Ed25519 key generation on this JDK");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
