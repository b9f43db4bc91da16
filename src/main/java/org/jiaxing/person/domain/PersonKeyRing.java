package org.jiaxing.person.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of one purpose (data or index) by id, and which of them writes. Loaded from the environment
 * ({@code JIAXING_PERSON_DATA_KEY} is key 1, {@code JIAXING_PERSON_DATA_KEYS} holds {@code id:base64,…})
 * or, when the environment gives none, from the files {@code person-data.key} (key 1, the name from
 * before rotation existed) and {@code person-data-<id>.key}. Only the current key is ever generated: an
 * older key that is missing is an operator error that {@link PersonKeyCheck} reports.
 */
record PersonKeyRing(Kind kind, int currentId, Map<Integer, SecretKey> keys, boolean fromEnvironment) {

    enum Kind {
        DATA("data", "AES", "person-data", "JIAXING_PERSON_DATA_KEY"),
        INDEX("index", "HmacSHA256", "person-index", "JIAXING_PERSON_INDEX_KEY");

        final String purpose;
        final String algorithm;
        final String filePrefix;
        final String variable;
        private final Pattern numberedFile;

        Kind(String purpose, String algorithm, String filePrefix, String variable) {
            this.purpose = purpose;
            this.algorithm = algorithm;
            this.filePrefix = filePrefix;
            this.variable = variable;
            this.numberedFile = Pattern.compile(Pattern.quote(filePrefix) + "-(\\d{1,3})\\.key");
        }

        String fileName(int kid) {
            return kid == 1 ? filePrefix + ".key" : filePrefix + "-" + kid + ".key";
        }

        /** Where an operator puts key {@code kid}, for error messages. */
        String whereToPut(int kid) {
            return variable + "S=" + kid + ":<base64>" + (kid == 1 ? " (or " + variable + ")" : "")
                    + " or the file {data-dir}/keys/" + fileName(kid);
        }
    }

    PersonKeyRing {
        keys = Map.copyOf(keys);
    }

    boolean has(int kid) {
        return keys.containsKey(kid);
    }

    static PersonKeyRing load(Kind kind, String single, String list, int currentId, SecretKeyFiles files) {
        Map<Integer, byte[]> raw = new TreeMap<>();
        boolean environment = present(single) || present(list);
        if (environment) {
            if (present(single)) {
                raw.put(1, SecretKeyFiles.decode(single, kind.variable));
            }
            if (present(list)) {
                parseList(kind, list, raw);
            }
            if (!raw.containsKey(currentId)) {
                throw new IllegalStateException(kind.variable + "_ID is " + currentId + " but no " + kind.purpose
                        + " key " + currentId + " is given: add it as " + kind.variable + "S=" + currentId
                        + ":<base64 of 32 random bytes>");
            }
        } else {
            for (String name : files.names()) {
                Integer kid = kidOfFile(kind, name);
                if (kid != null) {
                    raw.put(kid, files.read(name));
                }
            }
            raw.computeIfAbsent(currentId, kid -> files.readOrGenerate(kind.fileName(kid)));
        }
        Map<Integer, SecretKey> keys = new TreeMap<>();
        raw.forEach((kid, bytes) -> keys.put(kid, new SecretKeySpec(bytes, kind.algorithm)));
        return new PersonKeyRing(kind, currentId, keys, environment);
    }

    private static void parseList(Kind kind, String list, Map<Integer, byte[]> into) {
        for (String entry : list.split(",")) {
            String source = kind.variable + "S";
            int colon = entry.indexOf(':');
            int kid;
            try {
                kid = colon < 0 ? -1 : Integer.parseInt(entry.substring(0, colon).strip());
            } catch (NumberFormatException e) {
                kid = -1;
            }
            if (kid < 1 || kid > 255) {
                throw new IllegalStateException(source + " must be id:base64 pairs separated by commas, ids 1-255");
            }
            if (into.put(kid, SecretKeyFiles.decode(entry.substring(colon + 1), source + " key " + kid)) != null) {
                throw new IllegalStateException(kind.purpose + " key " + kid + " is given twice (" + source
                        + (kid == 1 ? " and " + kind.variable : "") + ")");
            }
        }
    }

    private static Integer kidOfFile(Kind kind, String name) {
        if (name.equals(kind.fileName(1))) {
            return 1;
        }
        Matcher numbered = kind.numberedFile.matcher(name);
        if (!numbered.matches()) {
            return null;
        }
        int kid = Integer.parseInt(numbered.group(1));
        if (kid < 2 || kid > 255) {
            throw new IllegalStateException("The key file " + name + " has no valid id: key 1 is " + kind.fileName(1)
                    + ", the others " + kind.filePrefix + "-<2..255>.key");
        }
        return kid;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "PersonKeyRing[" + kind.purpose + ", current " + currentId + ", ids " + keys.keySet() + "]";
    }
}
