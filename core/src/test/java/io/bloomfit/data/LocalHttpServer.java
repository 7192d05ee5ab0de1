package io.bloomfit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.0 file server on 127.0.0.1 for fetch tests. (The JDK's com.sun.net.httpserver lives in a module
 * the api module does not read; this keeps the api build free of extra module flags.)
 */
final class LocalHttpServer implements AutoCloseable {

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    private final ServerSocket socket;
    private final Thread thread;

    LocalHttpServer() throws IOException {
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "local-http");
        thread.setDaemon(true);
        thread.start();
    }

    URI base(String directory) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + directory + "/");
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String requestLine = in.readLine();
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    // headers are not needed
                }
                requests.incrementAndGet();
                String path = requestLine == null ? "" : requestLine.split(" ")[1];
                String name = path.substring(path.lastIndexOf('/') + 1);
                byte[] body = files.get(name);
                OutputStream out = client.getOutputStream();
                if (body == null) {
                    out.write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(("HTTP/1.0 200 OK\r\nContent-Length: " + body.length
                            + "\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
