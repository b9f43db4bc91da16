package org.jiaxing.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Uploads are recognised by their first bytes, never by name. */
class MediaTypeTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    static final byte[] MOV = {0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' '};

    @Test
    void knownKindsAreRecognised() {
        assertThat(MediaType.sniff(PNG)).contains(MediaType.PNG);
        assertThat(MediaType.sniff(JPEG)).contains(MediaType.JPEG);
        assertThat(MediaType.sniff(MP4)).contains(MediaType.MP4);
        assertThat(MediaType.sniff(MOV)).contains(MediaType.MOV);
        assertThat(MediaType.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(MediaType.PDF);
        assertThat(MediaType.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(MediaType.GIF);
    }

    @Test
    void scriptsAndHtmlAndShortFilesAreNot() {
        assertThat(MediaType.sniff("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaType.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(MediaType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(MediaType.sniff(new byte[0])).isEmpty();
    }

    @Test
    void fileNamesAreReducedToTheirLastPart() {
        assertThat(Attachments.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachments.safeName("C:\\Users\\x\\现场.jpg")).isEqualTo("现场.jpg");
        assertThat(Attachments.safeName(" ")).isEqualTo("file");
        assertThat(Attachments.safeName(null)).isEqualTo("file");
    }

    @Test
    void storageKeysCannotClimbOutOfTheUploadDirectory() {
        assertThat(LocalAttachmentStorage.KEY.matcher("../../jiaxing.db").matches()).isFalse();
        assertThat(LocalAttachmentStorage.KEY.matcher("0123456789abcdef0123456789abcdef.jpg").matches()).isTrue();
        assertThat(LocalAttachmentStorage.KEY.matcher("0123456789abcdef0123456789abcdef.jpg/../x").matches()).isFalse();
    }
}
