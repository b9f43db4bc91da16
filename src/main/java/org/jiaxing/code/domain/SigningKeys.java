package org.jiaxing.code.domain;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.code.SigningKeyRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The keyring. Every ACTIVE key verifies codes; the newest ACTIVE key whose private half this server
 * holds signs new ones. Rotation adds a key (new codes get its kid, old codes keep verifying);
 * retiring a key makes every code it signed invalid. Ready before the web server takes requests: on
 * the first run a key is generated into the data directory, or taken from the environment.
 */
@Service
public class SigningKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Where a key's private half comes from, as shown on the keys page. */
    public enum PrivateKeySource { ENVIRONMENT, FILE, NONE }

    /** A key as verification and the keys page see it. */
    public record KeyEntry(SigningKeyRecord record, PublicKey publicKey, PrivateKeySource source) {
        public int kid() {
            return record.kid();
        }
    }

    /** Signs with one key; the kid goes into the token. */
    public record Signer(int kid, PrivateKey privateKey) {
        public byte[] sign(byte[] payload) {
            return Ed25519.sign(privateKey, payload);
        }
    }

    private record Keyring(Map<Integer, KeyEntry> entries, Signer signer) {
    }

    private final SigningKeyRepository repository;
    private final KeyStoreFiles files;
    private final CodeProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Keyring keyring;

    public SigningKeys(SigningKeyRepository repository, KeyStoreFiles files, CodeProperties properties, Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    public Signer signer() {
        return keyring().signer();
    }

    public Optional<KeyEntry> key(int kid) {
        return Optional.ofNullable(keyring().entries().get(kid));
    }

    public List<KeyEntry> all() {
        return keyring().entries().values().stream().sorted(Comparator.comparingInt(KeyEntry::kid)).toList();
    }

    /** Creates a new key that signs every code issued from now on. */
    public synchronized KeyEntry rotate(String by) {
        int kid = generateKey(by);
        log.info("Venue code signing key {} created by {}; it signs new codes from now on", kid, by);
        load();
        return key(kid).orElseThrow();
    }

    /** Retires a key: codes it signed stop verifying, and its private file is deleted. */
    public synchronized void retire(int kid, String by) {
        KeyEntry entry = key(kid).orElseThrow(() -> SigningKeyRefused.notFound(kid));
        if (!entry.record().active()) {
            throw SigningKeyRefused.alreadyRetired(kid);
        }
        if (signer().kid() == kid) {
            throw SigningKeyRefused.signingKey(kid);
        }
        repository.retire(kid, clock.instant(), by);
        if (entry.source() == PrivateKeySource.FILE) {
            files.delete(kid);
        }
        log.info("Venue code signing key {} retired by {}; codes it signed are invalid now", kid, by);
        load();
        events.publishEvent(new SigningKeyRetired(kid));
    }

    private Keyring keyring() {
        Keyring current = keyring;
        if (current == null) {
            load();
            current = keyring;
        }
        return current;
    }

    private synchronized void load() {
        Optional<Signer> environmentKey = environmentKey();
        environmentKey.ifPresent(this::registerEnvironmentKey);
        Map<Integer, KeyEntry> entries = readEntries(environmentKey);
        Optional<Signer> signer = newestSigner(entries, environmentKey);
        if (signer.isEmpty()) {
            int kid = generateKey(null);
            log.info("Generated venue code signing key {} into {}", kid, files.directory());
            entries = readEntries(environmentKey);
            signer = newestSigner(entries, environmentKey);
        }
        keyring = new Keyring(Map.copyOf(entries), signer.orElseThrow());
    }

    private Map<Integer, KeyEntry> readEntries(Optional<Signer> environmentKey) {
        Map<Integer, KeyEntry> entries = new HashMap<>();
        for (SigningKeyRecord record : repository.findAll()) {
            PublicKey publicKey = Ed25519.publicKeyFromRaw(Base64.getUrlDecoder().decode(record.publicKey()));
            PrivateKeySource source = PrivateKeySource.NONE;
            if (environmentKey.isPresent() && environmentKey.get().kid() == record.kid()) {
                source = PrivateKeySource.ENVIRONMENT;
            } else if (record.active() && privateKeyFromFile(record).isPresent()) {
                source = PrivateKeySource.FILE;
            }
            entries.put(record.kid(), new KeyEntry(record, publicKey, source));
        }
        return entries;
    }

    private Optional<Signer> newestSigner(Map<Integer, KeyEntry> entries, Optional<Signer> environmentKey) {
        return entries.values().stream()
                .filter(entry -> entry.record().active() && entry.source() != PrivateKeySource.NONE)
                .max(Comparator.comparing((KeyEntry entry) -> entry.record().createdAt()).thenComparingInt(KeyEntry::kid))
                .map(entry -> entry.source() == PrivateKeySource.ENVIRONMENT ? environmentKey.orElseThrow()
                        : new Signer(entry.kid(), privateKeyFromFile(entry.record()).orElseThrow()));
    }

    /** The file's key, if it is there and matches the registered public key. */
    private Optional<PrivateKey> privateKeyFromFile(SigningKeyRecord record) {
        Optional<PrivateKey> key = files.read(record.kid());
        if (key.isPresent() && !publicKeyText(Ed25519.publicKeyOf(key.get())).equals(record.publicKey())) {
            log.warn("Ignoring {}: it does not match the public key registered for kid {}", files.fileOf(record.kid()),
                    record.kid());
            return Optional.empty();
        }
        return key;
    }

    private int generateKey(String by) {
        int kid = repository.nextKid();
        var pair = Ed25519.generate();
        files.write(kid, pair.getPrivate());
        try {
            repository.insert(kid, publicKeyText(pair.getPublic()), clock.instant(), by);
        } catch (RuntimeException e) {
            files.delete(kid);
            throw e;
        }
        return kid;
    }

    private Optional<Signer> environmentKey() {
        if (!properties.hasEnvironmentKey()) {
            return Optional.empty();
        }
        PrivateKey key;
        try {
            key = Ed25519.privateKeyFromPkcs8(Base64.getMimeDecoder().decode(properties.signingKey().strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("JIAXING_CODE_SIGNING_KEY is not a base64 Ed25519 PKCS#8 key", e);
        }
        return Optional.of(new Signer(properties.signingKid(), key));
    }

    /** Registers the environment's key under its kid on first sight; refuses a mismatch or a retired kid. */
    private void registerEnvironmentKey(Signer environmentKey) {
        String publicKey = publicKeyText(Ed25519.publicKeyOf(environmentKey.privateKey()));
        Optional<SigningKeyRecord> registered = repository.find(environmentKey.kid());
        if (registered.isEmpty()) {
            repository.insert(environmentKey.kid(), publicKey, clock.instant(), null);
            log.info("Registered the venue code signing key {} from the environment", environmentKey.kid());
        } else if (!registered.get().publicKey().equals(publicKey)) {
            throw new IllegalStateException("JIAXING_CODE_SIGNING_KEY does not match the public key registered for kid "
                    + environmentKey.kid() + "; a key id is never reused, choose a new JIAXING_CODE_SIGNING_KID");
        } else if (!registered.get().active()) {
            throw new IllegalStateException("JIAXING_CODE_SIGNING_KID " + environmentKey.kid()
                    + " names a retired key; configure a new key with a new kid");
        }
    }

    static String publicKeyText(PublicKey key) {
        return BASE64URL.encodeToString(Ed25519.rawPublicKey(key));
    }
}
