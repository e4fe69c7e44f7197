package io.ringtrade.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection for {@link OpsLoadClient}: writes a request, reads the status line, the headers
 * and a {@code Content-Length} body into a reused buffer, and returns the status code. Written for the load generator
 * rather than taken from {@code java.net.http}, because on the 2 cores the measured pipeline shares, the load's own CPU
 * is the measurement's noise: the JDK client took 12–15 % of the machine to send 100 requests a second (its selector
 * thread, futures and per-request objects), this takes a small fraction of that. Only what the ops server sends is
 * understood (a {@code Content-Length}, no chunking); anything else is an {@link IOException}. One thread per instance.
 */
final class LoopbackHttpConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] get;
    private final String postHead;
    private byte[] body = new byte[4096];

    /** Connects to {@code uri}'s host and port; requests go to its path. */
    LoopbackHttpConnection(final URI uri, final String token) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        final String host = uri.getHost() + ":" + uri.getPort();
        get = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        postHead = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n");
    }

    /** Sends a GET and reads the answer; returns its status code. */
    int get() throws IOException {
        out.write(get);
        out.flush();
        return readResponse();
    }

    /** Sends a POST with {@code json} and reads the answer; returns its status code. */
    int post(final String json) throws IOException {
        final byte[] content = json.getBytes(StandardCharsets.UTF_8);
        out.write((postHead + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        return readResponse();
    }

    private int readResponse() throws IOException {
        final String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        final int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            final int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length");
        }
        if (length > body.length) {
            body = new byte[length];
        }
        if (in.readNBytes(body, 0, length) != length) {
            throw new IOException("connection closed in the body");
        }
        return code;
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        final StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in the headers");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
