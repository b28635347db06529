"""A small Chrome DevTools Protocol client over the standard library only (no websockets package needed).

Speaks just enough RFC 6455 for CDP: a client handshake, masked text frames out, unfragmented or fragmented
text frames in. Used by browser_test.py to drive headless Chromium.
"""
import base64
import json
import os
import socket
import struct
import urllib.parse


class CDPError(RuntimeError):
    pass


class DevTools:
    """One WebSocket connection to a DevTools target; send commands, collect events."""

    def __init__(self, ws_url, timeout=30):
        url = urllib.parse.urlparse(ws_url)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {url.path} HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise CDPError("DevTools closed the connection during the handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise CDPError("WebSocket handshake refused: " + head.decode(errors="replace"))
        self.next_id = 0
        self.events = []

    def _recv_exact(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise CDPError("DevTools connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def _read_message(self):
        payload = b""
        while True:
            first, second = self._recv_exact(2)
            fin, opcode, length = first & 0x80, first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            mask = self._recv_exact(4) if second & 0x80 else None
            data = self._recv_exact(length)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if opcode == 0x8:
                raise CDPError("DevTools closed the WebSocket")
            if opcode == 0x9:  # ping: answer with pong
                self._send_frame(0xA, data)
                continue
            payload += data
            if fin:
                return json.loads(payload.decode())

    def _send_frame(self, opcode, data):
        header = bytes([0x80 | opcode])
        length = len(data)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def call(self, method, **params):
        """Sends a command and returns its result; events arriving meanwhile are kept in self.events."""
        self.next_id += 1
        ident = self.next_id
        self._send_frame(0x1, json.dumps({"id": ident, "method": method, "params": params}).encode())
        while True:
            message = self._read_message()
            if message.get("id") == ident:
                if "error" in message:
                    raise CDPError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)
                self.on_event(message)

    def on_event(self, message):
        """Called for every event; the test overrides it to dismiss dialogs."""

    def wait_for(self, method, timeout_messages=10000):
        """Returns the first event called `method` (already received or the next ones)."""
        for index, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(index)
        for _ in range(timeout_messages):
            message = self._read_message()
            if "method" in message:
                self.on_event(message)
                if message["method"] == method:
                    return message
                self.events.append(message)
        raise CDPError(f"no {method} event")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass
