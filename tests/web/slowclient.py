#!/usr/bin/env python3
"""slowclient.py - clients that misbehave, for resdex serve's limits
(tests/web/limits.sh). Every mode gives up after its SECONDS: nothing here
waits for ever.

  slowclient.py partial HOST PORT SECONDS
      Send the start of a request (its line and one header, never the blank
      line that ends them), then wait. Prints "closed after S" when the
      server closes the connection, "open after S" when SECONDS pass first.
  slowclient.py trickle HOST PORT SECONDS INTERVAL
      A POST announcing a body of 100000 bytes, then one byte of it every
      INTERVAL seconds (a client that is never idle for long). Prints
      "closed after S, N bytes sent" or "open after S, N bytes sent".
  slowclient.py headers HOST PORT SECONDS INTERVAL
      The line of a GET, then a header a byte every INTERVAL seconds, never
      ending. Prints "closed after S, N bytes sent" or "open after ...".
  slowclient.py keepalive HOST PORT COUNT INTERVAL
      COUNT requests on one connection, INTERVAL seconds apart, each sent
      whole at once. Prints "answered N of COUNT after S" (the connection
      kept for longer than one request may take).
  slowclient.py slowread HOST PORT PATH SECONDS INTERVAL
      A GET of PATH sent whole, then its answer read a byte every INTERVAL
      seconds, through a small receive buffer (the kernel's own must not
      swallow the answer on loopback; the server's send buffer is made
      small too, RESDEX_TEST_SNDBUF). Prints "closed after S, N of LENGTH
      bytes read" (LENGTH: its Content-Length) or "open after ...".
  slowclient.py hold HOST PORT COUNT SECONDS
      Open COUNT connections, each with the start of a request, print
      "ready" once all are open, and hold them SECONDS (or until killed).
"""
import select
import socket
import sys
import time

PARTIAL = b"GET /api/stats HTTP/1.1\r\nHost: slow\r\n"


def closed(sock):
    """True when the server has closed the connection (EOF or reset)."""
    try:
        return sock.recv(4096) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except (BlockingIOError, socket.timeout):
        return False


def partial(host, port, seconds):
    s = socket.create_connection((host, port), timeout=5)
    start = time.monotonic()
    s.sendall(PARTIAL)
    s.settimeout(0.1)
    while time.monotonic() - start < seconds:
        if closed(s):
            print("closed after %.1f" % (time.monotonic() - start))
            return 0
    print("open after %.1f" % (time.monotonic() - start))
    return 1


def drip(host, port, seconds, interval, head, byte):
    """Send head, then byte every interval until the server closes."""
    s = socket.create_connection((host, port), timeout=5)
    start = time.monotonic()
    s.sendall(head)
    sent = 0
    s.settimeout(interval)
    while time.monotonic() - start < seconds:
        try:
            s.sendall(byte)
            sent += 1
        except (ConnectionResetError, BrokenPipeError):
            print("closed after %.1f, %d bytes sent" % (time.monotonic() - start, sent))
            return 0
        if closed(s):
            print("closed after %.1f, %d bytes sent" % (time.monotonic() - start, sent))
            return 0
    print("open after %.1f, %d bytes sent" % (time.monotonic() - start, sent))
    return 1


def trickle(host, port, seconds, interval):
    return drip(host, port, seconds, interval,
                b"POST /api/similar HTTP/1.1\r\nHost: slow\r\nContent-Type: text/plain\r\n"
                b"Content-Length: 100000\r\n\r\n", b"a")


def headers(host, port, seconds, interval):
    return drip(host, port, seconds, interval,
                b"GET /api/stats HTTP/1.1\r\nHost: slow\r\nX-Slow: ", b"a")


def keepalive(host, port, count, interval):
    s = socket.create_connection((host, port), timeout=5)
    start = time.monotonic()
    answered = 0
    for i in range(count):
        if i:
            time.sleep(interval)
        try:
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: slow\r\n\r\n")
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                break
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(body) < length:
                chunk = s.recv(65536)
                if not chunk:
                    break
                body += chunk
            if len(body) < length:
                break
        except (ConnectionResetError, BrokenPipeError, socket.timeout):
            break
        answered += 1
    print("answered %d of %d after %.1f" % (answered, count, time.monotonic() - start))
    return 0 if answered == count else 1


def slowread(host, port, path, seconds, interval):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    s.settimeout(5)
    s.connect((host, port))
    start = time.monotonic()
    s.sendall(("GET %s HTTP/1.1\r\nHost: slow\r\n\r\n" % path).encode())
    data = b""
    while b"\r\n\r\n" not in data:  # the head at once, then the body slowly
        chunk = s.recv(1)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = "?"
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = value.strip().decode()
    read = len(body)
    # The end of the connection is seen at once, not after the bytes
    # already in the buffer: poll for the server's FIN or reset.
    ended = select.poll()
    ended.register(s, select.POLLRDHUP | select.POLLHUP | select.POLLERR)
    while time.monotonic() - start < seconds:
        try:
            byte = b"" if ended.poll(0) else s.recv(1)
        except (ConnectionResetError, BrokenPipeError):
            byte = b""
        except socket.timeout:
            continue
        if not byte:
            print("closed after %.1f, %d of %s bytes read" % (time.monotonic() - start, read, length))
            return 0
        read += 1
        time.sleep(interval)
    print("open after %.1f, %d of %s bytes read" % (time.monotonic() - start, read, length))
    return 1


def hold(host, port, count, seconds):
    socks = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(PARTIAL)
        socks.append(s)
    print("ready", flush=True)
    time.sleep(seconds)
    return 0


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode == "partial" and len(argv) == 5:
        return partial(argv[2], int(argv[3]), float(argv[4]))
    if mode == "trickle" and len(argv) == 6:
        return trickle(argv[2], int(argv[3]), float(argv[4]), float(argv[5]))
    if mode == "headers" and len(argv) == 6:
        return headers(argv[2], int(argv[3]), float(argv[4]), float(argv[5]))
    if mode == "keepalive" and len(argv) == 6:
        return keepalive(argv[2], int(argv[3]), int(argv[4]), float(argv[5]))
    if mode == "slowread" and len(argv) == 7:
        return slowread(argv[2], int(argv[3]), argv[4], float(argv[5]), float(argv[6]))
    if mode == "hold" and len(argv) == 6:
        return hold(argv[2], int(argv[3]), int(argv[4]), float(argv[5]))
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
