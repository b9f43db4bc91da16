package org.jiaxing.bench.city;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Person rows exactly as the application writes them (person.domain.FieldCipher, BlindIndex, PersonService),
 * with the keys of the application's data directory, so that the server reads them back: masked names, lookups
 * by phone and ID number. This bench project cannot link the application's classes (a Spring Boot jar), so the
 * format is restated here; the generator checks the key files against the database's check values first
 * (person.domain.PersonKeyCheck), and a wrong format shows at once as unreadable persons in the application.
 * <ul>
 * <li>encrypted field: base64 of {@code 1 ‖ key id 1 ‖ IV(12) ‖ AES-256-GCM ciphertext ‖ tag(16)}, associated
 * data {@code header ‖ purpose} with purpose {@code person.name}, {@code person.phone}, {@code person.idNumber};</li>
 * <li>blind index: base64url without padding of HMAC-SHA256(index key, purpose ‖ 0 ‖ value), purpose
 * {@code phone} or {@code id-number}, on the normalised value (11 digits; 18 characters, upper-case X).</li>
 * </ul>
 */
final class PersonRecords {

    static final String KEY_CHECK_LABEL = "jiaxing person key check v1";
    private static final byte FORMAT = 1;
    private static final byte DATA_KEY_ID = 1;
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强晓东海燕文博子涵浩然欣怡"
            + "一鸣雨桐佳怡思远嘉豪俊杰婷婷丹丹建华晓梅春生秋菊国平卫东德明永康立新宏伟美玲金凤").split("");
    /**
     * Region codes of Pinghu's neighbours (Jiaxing's other districts, Jinshan) but not Pinghu's own 330482: the
     * demo's visitors have 330482 numbers, and an ID number may exist only once.
     */
    private static final String[] REGIONS = {"330402", "330411", "330421", "330424", "330481", "330483", "310116"};

    record Person(long id, String nameEnc, String phoneEnc, String idNumberEnc, String idNumberIndex,
            String phoneIndex, long registeredAt) {
    }

    private final byte[] dataKeyBytes;
    private final byte[] indexKeyBytes;
    private final SecretKeySpec dataKey;
    private final Mac index;
    private final Cipher cipher;
    private final SecureRandom ivs = new SecureRandom();

    PersonRecords(byte[] dataKey, byte[] indexKey) {
        this.dataKeyBytes = dataKey;
        this.indexKeyBytes = indexKey;
        this.dataKey = new SecretKeySpec(dataKey, "AES");
        try {
            this.index = Mac.getInstance("HmacSHA256");
            index.init(new SecretKeySpec(indexKey, "HmacSHA256"));
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another instance with the same keys (Cipher and Mac are not thread-safe). */
    PersonRecords copy() {
        return new PersonRecords(dataKeyBytes, indexKeyBytes);
    }

    /** The keys of {@code {dataDir}/keys}, as the application generated them on its first start. */
    static PersonRecords fromDataDir(Path dataDir) throws IOException {
        return new PersonRecords(readKey(dataDir.resolve("keys/person-data.key")),
                readKey(dataDir.resolve("keys/person-index.key")));
    }

    static byte[] readKey(Path file) throws IOException {
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (key.length != 32) {
            throw new IllegalStateException(file + " does not hold a 32-byte key");
        }
        return key;
    }

    /** The clear identity of person number {@code n} (0-based): unique ID number and phone. */
    static String name(long n, long seed) {
        long h = mix(n * 31 + seed);
        String surname = SURNAMES[(int) Math.floorMod(h, (long) SURNAMES.length)];
        String first = GIVEN[(int) Math.floorMod(h >>> 16, (long) GIVEN.length)];
        return (h >>> 40) % 3 == 0 ? surname + first : surname + first + GIVEN[(int) Math.floorMod(h >>> 24, (long) GIVEN.length)];
    }

    /** 11 digits, 1[3-9]…, unique per n (n below 10^8). */
    static String phone(long n) {
        int prefix = 3 + (int) (n % 7);
        return "1" + prefix + "%09d".formatted((n * 7_919L) % 1_000_000_000L);
    }

    /** 18 characters with a valid birth date and check character, unique per n (n below 36,500 × 1,000). */
    static String idNumber(long n, long seed) {
        LocalDate born = LocalDate.of(1945, 1, 1).plusDays(n % 25_000);
        String first17 = REGIONS[(int) Math.floorMod(mix(n + seed), (long) REGIONS.length)]
                + born.toString().replace("-", "") + "%03d".formatted(n / 25_000 % 1000);
        return first17 + checkCharacter(first17);
    }

    static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** Person {@code id}, the {@code n}th generated one; 8 % have no phone (children, elderly people). */
    Person person(long id, long n, long seed, long registeredAt) {
        String name = name(n, seed);
        String idNumber = idNumber(n, seed);
        String phone = mix(n ^ seed) % 100 < 8 ? null : phone(n);
        return new Person(id, encrypt("person.name", name), phone == null ? null : encrypt("person.phone", phone),
                encrypt("person.idNumber", idNumber), blindIndex("id-number", idNumber),
                phone == null ? null : blindIndex("phone", phone), registeredAt);
    }

    String encrypt(String purpose, String clear) {
        byte[] iv = new byte[12];
        ivs.nextBytes(iv);
        byte[] header = {FORMAT, DATA_KEY_ID};
        try {
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(header);
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(2 + 12 + sealed.length).put(header).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String blindIndex(String purpose, String value) {
        index.update(purpose.getBytes(StandardCharsets.UTF_8));
        index.update((byte) 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(index.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The check value the application stores per key (person.domain.PersonKeyCheck): SHA-256(label ‖ key), hex. */
    static String checkValue(byte[] key) {
        try {
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_CHECK_LABEL.getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(sha256.digest(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb53a85ec98e1L;
        return x ^ (x >>> 33);
    }
}
