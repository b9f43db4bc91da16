package org.jiaxing.checkin.web;

import java.time.LocalDate;

/**
 * Made-up but valid identities of the benchmark's persons, by number: an 18-digit ID number of 平湖
 * (330482) with a birth date between 1940 and 2015 and its GB 11643 check character (distinct for the
 * first 27 million numbers), a mobile number and a Chinese name.
 */
final class BenchIdentities {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "沈", "陆", "顾"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀英", "建华", "晓东", "海燕", "志强", "国平", "嘉禾"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1940, 1, 1);

    private BenchIdentities() {
    }

    static String idNumber(long person) {
        LocalDate birth = FIRST_BIRTHDAY.plusDays((person * 7919) % 27_393);
        String id = "330482" + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), person % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return id + "10X98765432".charAt(sum % 11);
    }

    static String phone(long person) {
        return "13" + (5 + person % 5) + String.format("%08d", person % 100_000_000);
    }

    static String name(long person) {
        return SURNAMES[(int) (person % SURNAMES.length)] + GIVEN[(int) ((person / SURNAMES.length) % GIVEN.length)];
    }
}
