package org.jiaxing.project.domain;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small drawn "site photos" for the demo timeline (greenhouses, strawberry beds, a building shell). */
final class DemoPictures {

    private DemoPictures() {
    }

    static byte[] greenhouses(long seed) {
        return draw(seed, (g, r) -> {
            for (int i = 0; i < 5; i++) {
                int x = 20 + i * 125;
                g.setColor(new Color(235, 242, 245));
                g.fillArc(x, 170, 115, 160, 0, 180);
                g.setColor(new Color(160, 175, 180));
                g.setStroke(new BasicStroke(2));
                for (int k = 0; k < 5; k++) {
                    g.drawArc(x + k * 6, 170 + k * 6, 115 - k * 12, 160 - k * 12, 0, 180);
                }
            }
        });
    }

    static byte[] strawberries(long seed) {
        return draw(seed, (g, r) -> {
            for (int row = 0; row < 6; row++) {
                int y = 200 + row * 32;
                g.setColor(new Color(60, 120 + row * 8, 50));
                g.fillRect(0, y, 640, 18);
                for (int i = 0; i < 24; i++) {
                    g.setColor(new Color(200 + r.nextInt(40), 30, 40));
                    g.fillOval(10 + i * 26 + r.nextInt(8), y + 2 + r.nextInt(6), 9, 11);
                }
            }
        });
    }

    static byte[] building(long seed) {
        return draw(seed, (g, r) -> {
            g.setColor(new Color(170, 170, 165));
            g.fillRect(120, 150, 380, 200);
            g.setColor(new Color(120, 125, 130));
            for (int f = 0; f < 4; f++) {
                g.fillRect(120, 150 + f * 50, 380, 6);
                for (int w = 0; w < 8; w++) {
                    g.fillRect(140 + w * 45, 165 + f * 50, 25, 25);
                }
            }
            g.setColor(new Color(230, 170, 20));
            g.setStroke(new BasicStroke(6));
            g.drawLine(540, 350, 540, 60);
            g.drawLine(420, 70, 620, 70);
            g.setStroke(new BasicStroke(2));
            g.drawLine(450, 70, 450, 160);
        });
    }

    private interface Scene {
        void paint(Graphics2D g, Random r);
    }

    private static byte[] draw(long seed, Scene scene) {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(150, 195, 235), 0, 200, new Color(225, 238, 248)));
        g.fillRect(0, 0, 640, 200);
        g.setColor(new Color(110, 150, 80));
        g.fillRect(0, 200, 640, 200);
        scene.paint(g, new Random(seed));
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
