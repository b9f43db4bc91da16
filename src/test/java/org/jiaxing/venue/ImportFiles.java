package org.jiaxing.venue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds import files the way people make them: CSV in several encodings, XLSX with typed cells. */
public final class ImportFiles {

    public static final String HEADER = "code,name,category,town,address,longitude,latitude,contact_name,contact_phone";

    private ImportFiles() {
    }

    /** A CSV row of a valid supermarket in 当湖街道, by Chinese names. */
    public static String row(String code) {
        return code + ",平湖超市 " + code + ",商超,当湖街道,新华中路 1 号,121.0148,30.6962,张经理,0573-85012345";
    }

    public static byte[] csv(String... lines) {
        return csv(StandardCharsets.UTF_8, lines);
    }

    public static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    public static byte[] withBom(byte[] utf8) {
        byte[] bytes = new byte[utf8.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bytes, 3, utf8.length);
        return bytes;
    }

    /** The first sheet holds the rows; numbers are written as numeric cells, as Excel stores typed numbers. */
    public static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("场所");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
