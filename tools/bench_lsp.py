#!/usr/bin/env python3
"""bench_lsp: time from didChange to publishDiagnostics in `samlint --lsp`, and its memory.

Usage: tools/bench_lsp.py SAMLINT TYPICAL_TEMPLATE LARGE_TEMPLATE (make bench-lsp).
Not a test: it prints figures. Each edit replaces one character in the
template (incremental sync), then waits for the diagnostics it causes.
"""
import json
import os
import statistics
import subprocess
import sys
import time

samlint, typical, large = sys.argv[1:4]


class Server:
    def __init__(self):
        self.p = subprocess.Popen([samlint, "--lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.buf = b""

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                n = int(self.buf[:end].split(b":")[1])
                if len(self.buf) >= end + 4 + n:
                    body, self.buf = self.buf[end + 4:end + 4 + n], self.buf[end + 4 + n:]
                    return json.loads(body)
            chunk = os.read(self.p.stdout.fileno(), 1 << 20)
            if not chunk:
                raise EOFError
            self.buf += chunk

    def wait_diagnostics(self):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics":
                return m["params"]["diagnostics"]

    def rss_kib(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        self.send({"jsonrpc": "2.0", "method": "exit"})
        self.p.stdin.close()
        self.p.wait()


def session(path, edits, sample_rss_at=()):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    # Edit a character at the end of the last non-empty line, back and forth.
    line = max(i for i, l in enumerate(lines) if l.strip())
    col = len(lines[line])
    s = Server()
    s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    s.read()
    uri = "file://" + os.path.abspath(path)
    s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    n_diags = len(s.wait_diagnostics())
    times, rss = [], {}
    for i in range(edits):
        add = i % 2 == 0
        change = {"range": {"start": {"line": line, "character": col if add else col}, "end": {"line": line, "character": col if add else col + 1}}, "text": "x" if add else ""}
        t0 = time.perf_counter()
        s.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]}})
        s.wait_diagnostics()
        times.append((time.perf_counter() - t0) * 1000)
        if i + 1 in sample_rss_at:
            rss[i + 1] = s.rss_kib()
    s.stop()
    return n_diags, times, rss


def report(name, path, edits, sample=()):
    n, times, rss = session(path, edits, sample)
    times.sort()
    print("%-10s %6d lines, %4d diagnostics: didChange -> publishDiagnostics median %.2f ms, p95 %.2f ms, max %.2f ms (%d edits)" % (
        name, sum(1 for _ in open(path)), n, statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1], edits))
    for k in sorted(rss):
        print("%-10s RSS after %5d edits: %d KiB" % (name, k, rss[k]))


report("typical", typical, 10000, (100, 1000, 5000, 10000))
report("large", large, 20)
