package org.jiaxing.bench;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client on a plain socket: one request in flight, the whole request
 * written with one call, the response read and discarded. java.net.http.HttpClient would spend several
 * times more CPU per request, and on two cores every cycle the generator burns is taken from the
 * server it measures.
 */
final class HttpConnection implements Closeable {

    private final InetSocketAddress address;
    private final byte[] head;
    private final byte[] buffer = new byte[8192];
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** A connection that POSTs JSON to {@code path} of {@code host:port}. */
    HttpConnection(String host, int port, String path) {
        this.address = new InetSocketAddress(host, port);
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the body and returns the response status once the whole response was read. */
    int post(byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + length.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(length, 0, request, head.length, length.length);
        System.arraycopy(body, 0, request, head.length + length.length, body.length);
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(address, 5_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closing = false;
        String header;
        while (!(header = readLine()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip();
            String value = header.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closing = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(readLine().split(";")[0].strip(), 16)) > 0) {
                skip(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (contentLength > 0) {
            skip(contentLength);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private String readLine() throws IOException {
        int length = 0;
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (length == buffer.length) {
                throw new IOException("header line too long");
            }
            buffer[length++] = (byte) b;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("connection closed in a response body");
            }
            left -= read;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do: the next post reconnects
            }
        }
        socket = null;
    }
}
