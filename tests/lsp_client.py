#!/usr/bin/env python3
"""lsp_client: a scripted JSON-RPC client for `samlint --lsp` (tests/t_lsp.sh).

Usage: lsp_client.py SAMLINT WORKDIR. Prints one "ok NAME" or
"not ok NAME: detail" line per check, as tests/lib.sh records them.
"""
import json
import os
import select
import subprocess
import sys
import time

SAMLINT, WORK = sys.argv[1], sys.argv[2]
ONLY = sys.argv[3:]  # check function names, to run a few while working
TIMEOUT = 20.0


def result(name, good, detail=""):
    print(("ok %s" % name) if good else ("not ok %s: %s" % (name, str(detail)[:400])))
    sys.stdout.flush()


class Server:
    def __init__(self, cwd=WORK):
        self.p = subprocess.Popen([SAMLINT, "--lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, cwd=cwd)
        self.buf = b""
        self.next_id = 1
        self.pending = []

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params or {}})
        return self.wait(lambda m: m.get("id") == i and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def _read_message(self, deadline):
        while True:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                head = self.buf[:head_end].decode("ascii")
                length = int([l for l in head.split("\r\n") if l.lower().startswith("content-length:")][0].split(":")[1])
                if len(self.buf) >= head_end + 4 + length:
                    body = self.buf[head_end + 4:head_end + 4 + length]
                    self.buf = self.buf[head_end + 4 + length:]
                    return json.loads(body.decode("utf-8"))  # strict: the server must send valid UTF-8
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError("no message from the server")
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                raise TimeoutError("no message from the server")
            chunk = os.read(self.p.stdout.fileno(), 65536)
            if not chunk:
                raise EOFError("the server closed its output")
            self.buf += chunk

    def wait(self, pred):
        for m in self.pending:
            if pred(m):
                self.pending.remove(m)
                return m
        deadline = time.time() + TIMEOUT
        while True:
            m = self._read_message(deadline)
            if pred(m):
                return m
            self.pending.append(m)

    def diagnostics(self, uri):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return m["params"]["diagnostics"]

    def initialize(self, encodings=None):
        caps = {"general": {"positionEncodings": encodings}} if encodings else {}
        r = self.request("initialize", {"processId": None, "rootUri": None, "capabilities": caps})
        self.notify("initialized", {})
        return r

    def open(self, path, text, lang="yaml"):
        uri = "file://" + path
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}})
        return uri

    def close(self):
        try:
            self.request("shutdown")
            self.notify("exit", {})
        except Exception:
            pass
        return self.finish()

    def finish(self):
        try:
            self.p.stdin.close()
        except Exception:
            pass
        try:
            rc = self.p.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            return "hang"
        self.stderr = self.p.stderr.read().decode("utf-8", "replace")
        self.p.stdout.close()
        self.p.stderr.close()
        return rc


def codes(diags):
    return sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in diags)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


TEMPLATE = """Parameters:
  Unused:
    Type: String
  # samlint: ignore SL004 -- nothing here
  Kept:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Kept
      QueueName: !Ref Kept
"""


def check_basics():
    path = os.path.join(WORK, "basic", "template.yaml")
    write(path, TEMPLATE)
    s = Server()
    init = s.initialize()
    caps = init["result"]["capabilities"]
    result("lsp_initialize_utf16_default", caps.get("positionEncoding") == "utf-16", caps)
    result("lsp_initialize_incremental_sync", caps["textDocumentSync"]["change"] == 2, caps)
    uri = s.open(path, TEMPLATE)
    d = s.diagnostics(uri)
    got = codes(d)
    want = [("SL003", 11, 6), ("SL006", 1, 2), ("SL007", 3, 2), ("SL302", 7, 2)]
    result("lsp_diagnostics_codes_and_starts", got == want, got)
    by = {x["code"]: x for x in d}
    sl006 = by.get("SL006", {})
    result("lsp_diagnostic_range", sl006.get("range") == {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 8}}, sl006.get("range"))
    result("lsp_diagnostic_fields", sl006.get("source") == "samlint" and sl006.get("severity") == 2 and
           sl006.get("codeDescription", {}).get("href", "").endswith("/rules/SL006.md"), sl006)
    result("lsp_sl007_unnecessary", by.get("SL007", {}).get("tags") == [1], by.get("SL007"))
    rel = by.get("SL003", {}).get("relatedInformation") or [{}]
    result("lsp_sl003_related_first_key", rel[0].get("location", {}).get("range", {}).get("start") == {"line": 10, "character": 6}, rel)

    # Incremental change: delete the duplicate key line (line 11), then the finding is gone.
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 11, "character": 0}, "end": {"line": 12, "character": 0}}, "text": ""}]})
    m = s.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    result("lsp_diagnostics_version", m["params"].get("version") == 2, m["params"].get("version"))
    got = codes(m["params"]["diagnostics"])
    result("lsp_incremental_change", got == [("SL006", 1, 2), ("SL007", 3, 2), ("SL302", 7, 2)], got)
    # Two changes in one notification: insert a line, then edit inside it.
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "  Other:\n    Type: String\n"},
        {"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 7}}, "text": "Spare"}]})
    got = codes(s.diagnostics(uri))
    result("lsp_incremental_two_changes", got == [("SL006", 1, 2), ("SL006", 3, 2), ("SL007", 5, 2), ("SL302", 9, 2)], got)
    # A full change.
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": TEMPLATE}]})
    result("lsp_full_change", codes(s.diagnostics(uri)) == want)

    # Hover on SL006's key: the rule's page.
    h = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 4}})
    value = ((h.get("result") or {}).get("contents") or {}).get("value", "")
    result("lsp_hover_rule_page", "SL006 unused-parameter" in value and "## What it does" in value, value[:200])
    h = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 8, "character": 0}})
    result("lsp_hover_nothing", h.get("result") is None, h)

    # Code actions on SL007's line: its fix (safe, preferred) and a suppression.
    a = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "context": {"diagnostics": []}})
    titles = [x["title"] for x in a["result"]]
    result("lsp_code_action_titles", titles == ["Remove the unused suppression", "Suppress SL007 on this line"], titles)
    fix = a["result"][0]["edit"]["changes"][uri]
    result("lsp_code_action_fix_edit", fix == [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 4, "character": 0}}, "newText": ""}], fix)
    a = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 2}}, "context": {"diagnostics": []}})
    sup = a["result"][0]["edit"]["changes"][uri] if a["result"] else None
    result("lsp_code_action_suppress", sup == [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "newText": "  # samlint: ignore SL006 -- reason\n"}], sup)

    # Errors: unknown request, a request after shutdown.
    r = s.request("workspace/symbol", {"query": ""})
    result("lsp_unknown_method", r.get("error", {}).get("code") == -32601, r)
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    result("lsp_close_clears", s.diagnostics(uri) == [])
    r = s.request("shutdown")
    r2 = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    result("lsp_request_after_shutdown", r.get("result", 1) is None and r2.get("error", {}).get("code") == -32600, r2)
    s.notify("exit", {})
    result("lsp_exit_after_shutdown_is_0", s.finish() == 0)


def check_encodings():
    # Two characters before the key: an emoji (2 UTF-16 units, 4 bytes) and é (1 unit, 2 bytes).
    text = "Parameters:\n  P:\n    Type: String\n    Description: 😀é\nResources:\n  Q: {Type: AWS::SQS::Queue, Properties: {QueueName: 😀é, DelaySeconds: !Ref Nope}}\n"
    path = os.path.join(WORK, "enc", "template.yaml")
    write(path, text)
    for encs, name, want in ((None, "utf16", 77), (["utf-8", "utf-16"], "utf8", 80)):
        s = Server()
        init = s.initialize(encs)
        enc = init["result"]["capabilities"]["positionEncoding"]
        uri = s.open(path, text)
        d = [x for x in s.diagnostics(uri) if x["code"] == "SL004"]
        ch = d[0]["range"]["start"]["character"] if d else None
        result("lsp_position_encoding_" + name, enc == name.replace("utf", "utf-") and ch == want, (enc, ch))
        s.close()


def check_config_and_code():
    root = os.path.join(WORK, "proj")
    write(os.path.join(root, ".samlint.yaml"), "ignore: [SL006]\n")
    tpl = """Transform: AWS::Serverless-2016-10-31
Parameters:
  Unused:
    Type: String
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      CodeUri: src/
"""
    write(os.path.join(root, "template.yaml"), tpl)
    code = "exports.handler = async (event) => {\n  return event;\n};\n"
    write(os.path.join(root, "src", "app.js"), code)
    s = Server(cwd="/")
    s.initialize()
    uri = s.open(os.path.join(root, "template.yaml"), tpl)
    got = [x["code"] for x in s.diagnostics(uri)]
    result("lsp_config_applies", "SL006" not in got and "SL401" not in got, got)
    # The config changes: the next lint sees it (its mtime), and a watched-files event relints.
    time.sleep(0.02)
    write(os.path.join(root, ".samlint.yaml"), "ignore: [SL2]\n")
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file://" + root + "/.samlint.yaml", "type": 2}]})
    got = [x["code"] for x in s.diagnostics(uri)]
    result("lsp_config_reloaded", "SL006" in got and not any(c.startswith("SL2") for c in got), got)
    # The handler file gets the SL4xx findings of the template that uses it.
    curi = s.open(os.path.join(root, "src", "app.js"), code, "javascript")
    got = codes(s.diagnostics(curi))
    result("lsp_handler_code_findings", got and all(c[0].startswith("SL4") for c in got) and "SL401" in [c[0] for c in got], got)
    a = s.request("textDocument/codeAction", {"textDocument": {"uri": curi}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}})
    texts = [e["newText"] for x in a["result"] for e in x["edit"]["changes"].get(curi, [])]
    result("lsp_handler_suppress_comment", "// samlint: ignore SL401 -- reason\n" in texts, texts)
    # A broken config: a message, and the defaults apply.
    write(os.path.join(root, ".samlint.yaml"), "ignore: [\n")
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": tpl}]})
    m = s.wait(lambda m: m.get("method") == "window/showMessage")
    result("lsp_broken_config_message", ".samlint.yaml" in m["params"]["message"], m)
    s.diagnostics(uri)
    result("lsp_clean_exit", s.close() == 0)


def send_bytes(data, name, want_rc=(0, 1), want_error=None):
    s = Server()
    try:
        s.raw(data)
    except BrokenPipeError:
        pass
    msgs = []
    try:
        s.p.stdin.close()
    except Exception:
        pass
    try:
        while True:
            msgs.append(s._read_message(time.time() + TIMEOUT))
    except (EOFError, TimeoutError, ValueError) as e:
        tail = e
    rc = s.finish()
    good = rc in want_rc and isinstance(tail, EOFError)
    if want_error is not None:
        good = good and any(m.get("error", {}).get("code") == want_error for m in msgs)
    result(name, good, (rc, tail, msgs[:3], getattr(s, "stderr", "")[:300]))
    return msgs


def frame(obj):
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


INIT = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})


def check_hostile():
    send_bytes(frame(b"{not json"), "lsp_malformed_json", want_error=-32700)
    send_bytes(frame(b"[1,2]"), "lsp_not_an_object", want_error=-32600)
    send_bytes(frame({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {}}), "lsp_request_before_initialize", want_error=-32002)
    send_bytes(frame({"jsonrpc": "2.0", "id": {"x": 1}, "method": "initialize"}), "lsp_bad_id", want_error=-32600)
    send_bytes(b"Content-Length: abc\r\n\r\n{}", "lsp_bad_content_length", want_error=-32700)
    send_bytes(b"Content-Type: text/plain\r\n\r\n{}", "lsp_no_content_length", want_error=-32700)
    send_bytes(b"Content-Length: 99999999999999999999\r\n\r\n{}", "lsp_huge_content_length")
    send_bytes(b"Content-Length: 100\r\n\r\n{\"jsonrpc\": \"2.0\"}", "lsp_short_body")
    send_bytes(b"X" * 100000, "lsp_endless_header", want_error=-32700)
    # A body over the 64 MiB limit is skipped: an error, and the next message is still read.
    big = b"Content-Length: %d\r\n\r\n" % (65 << 20) + b" " * (65 << 20)
    msgs = send_bytes(big + INIT, "lsp_body_over_limit", want_error=-32600)
    result("lsp_body_over_limit_then_next", any(m.get("id") == 1 and "result" in m for m in msgs), msgs[:2])
    # Invalid UTF-8 in a document: answers stay valid JSON in UTF-8 (the client parses strictly).
    bad = b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/x\xff.yaml","languageId":"yaml","version":1,"text":"Resources:\\n  Q\xc3\x28:\\n    Type: AWS::SQS::Queue\\n    Properties: {QueueName: !Ref N\xe2\x82}\\n"}}}'
    msgs = send_bytes(INIT + frame(bad), "lsp_invalid_utf8")
    diags = [m for m in msgs if m.get("method") == "textDocument/publishDiagnostics"]
    result("lsp_invalid_utf8_diagnostics", diags and any(d["code"] == "SL001" for d in diags[0]["params"]["diagnostics"]), diags[:1])
    # Wrong types everywhere a value is expected.
    odd = [{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": 5, "text": None}}},
           {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nope"}, "contentChanges": [{"range": {"start": {"line": -1}}, "text": 3}]}},
           {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///tmp/o.yaml", "text": "Resources: {}\n"}}},
           {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///tmp/o.yaml"}, "contentChanges": [{"range": {"start": {"line": 99, "character": 1e9}, "end": {"line": 0, "character": -5}}, "text": "x"}]}},
           {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/o.yaml"}, "position": {"line": "a"}}},
           {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": None},
           {"jsonrpc": "2.0", "id": 4, "method": "initialize", "params": {}}]
    msgs = send_bytes(INIT + b"".join(frame(o) for o in odd), "lsp_wrong_types")
    result("lsp_wrong_types_answers", [m.get("id") for m in msgs if "id" in m and m.get("id") is not None] == [1, 2, 3, 4], [m.get("id") for m in msgs])
    # EOF at any point of a session: a clean exit each time.
    session = INIT + frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///tmp/e.yaml", "languageId": "yaml", "version": 1, "text": TEMPLATE}}}) + \
        frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    bad_cuts = []
    for cut in range(0, len(session), max(1, len(session) // 24)):
        s = Server()
        try:
            s.raw(session[:cut])
        except BrokenPipeError:
            pass
        rc = s.finish()
        if rc not in (0, 1):
            bad_cuts.append((cut, rc, s.stderr[:200] if rc != "hang" else ""))
    result("lsp_eof_anywhere", not bad_cuts, bad_cuts[:3])
    # exit without shutdown: status 1.
    s = Server()
    s.raw(INIT + frame({"jsonrpc": "2.0", "method": "exit"}))
    result("lsp_exit_without_shutdown_is_1", s.finish() == 1)


def check_schema():
    # Completion of property names and enum values, hover with SAM's description, from the compiled schemas.
    text = """Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tim
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Tracing: Ac
      Memo
"""
    path = os.path.join(WORK, "schema", "template.yaml")
    write(path, text)
    s = Server()
    caps = s.initialize()["result"]["capabilities"]
    result("lsp_completion_capability", "completionProvider" in caps, caps)
    uri = s.open(path, text)
    s.diagnostics(uri)

    def labels(line, ch):
        r = s.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": ch}})
        return [i["label"] for i in r.get("result") or []]

    result("lsp_complete_globals_key", labels(3, 7) == ["Timeout"], labels(3, 7))
    result("lsp_complete_property_key", labels(10, 10) == ["MemorySize"], labels(10, 10))
    result("lsp_complete_enum_value", labels(9, 17) == ["Active"], labels(9, 17))
    all_values = labels(9, 15)
    result("lsp_complete_enum_all", sorted(all_values) == ["Active", "Disabled", "PassThrough"], all_values)
    h = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 8, "character": 8}})
    value = ((h.get("result") or {}).get("contents") or {}).get("value", "")
    result("lsp_hover_sam_description", value.startswith("**Runtime** (AWS::Serverless::Function)") and "runtime" in value[30:], value)
    result("lsp_schema_exit", s.close() == 0)


def check_schema_places():
    # Hover and completion in JSON, in flow YAML, in SAM events (by their Type), in list items, and enum values.
    yaml_text = """Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      Architectures:
        - arm
      Events:
        Q:
          Type: SQS
          Properties:
            Batc
        S:
          Properties:
            Buc
          Type: S3
        H:
          Type: Ap
        R:
          Type: SQS
          Properties:
            Queue: arn:aws:sqs:us-east-1:123456789012:q
            FunctionResponseTypes: [Rep]
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema:
        - AttributeName: id
          KeyType: HA
        - Attr
      AttributeDefinitions:
        - {AttributeName: id, AttributeType: }
  Queue:
    Type: AWS::SQS::Queue
    Properties: {DelaySeconds: 1, Visib}
  Flow: {Type: AWS::SQS::Queue, Properties: {SqsManagedSseEnabled: true, Redri}}
"""
    path = os.path.join(WORK, "places", "template.yaml")
    write(path, yaml_text)
    s = Server()
    s.initialize()
    uri = s.open(path, yaml_text)
    s.diagnostics(uri)
    lines = yaml_text.split("\n")

    def at(needle, extra=0, text_lines=lines):
        for n, l in enumerate(text_lines):
            k = l.find(needle)
            if k >= 0:
                return n, k + len(needle) + extra
        raise KeyError(needle)

    def labels(u, pos):
        r = s.request("textDocument/completion", {"textDocument": {"uri": u}, "position": {"line": pos[0], "character": pos[1]}})
        return sorted(i["label"] for i in r.get("result") or [])

    def hover(u, pos):
        h = s.request("textDocument/hover", {"textDocument": {"uri": u}, "position": {"line": pos[0], "character": pos[1]}})
        return ((h.get("result") or {}).get("contents") or {}).get("value", "")

    got = labels(uri, at("- arm"))
    result("lsp_complete_list_item_enum", got == ["arm64"], got)
    got = labels(uri, at("Batc"))
    result("lsp_complete_sqs_event_property", got == ["BatchSize"], got)
    got = labels(uri, at("Buc"))
    result("lsp_complete_event_type_after", got == ["Bucket"], got)
    got = labels(uri, at("Buc", -3))  # all of the S3 event's properties, none of another event's
    result("lsp_complete_event_by_type", "Bucket" in got and "Events" in got and "BatchSize" not in got and "Queue" not in got, got)
    got = labels(uri, at("Type: Ap"))
    result("lsp_complete_event_type_value", "Api" in got and "SQS" not in got and all(x.startswith("Ap") for x in got), got)
    got = labels(uri, at("[Rep"))
    result("lsp_complete_flow_list_enum", got == ["ReportBatchItemFailures"], got)
    got = labels(uri, at("KeyType: HA"))
    result("lsp_complete_keyschema_item_enum", got == ["HASH"], got)
    got = labels(uri, at("- Attr"))
    result("lsp_complete_keyschema_item_key", got == ["AttributeName"], got)
    got = labels(uri, at("AttributeType: "))
    result("lsp_complete_flow_item_enum", got == ["B", "N", "S"], got)
    got = labels(uri, at("Visib"))
    result("lsp_complete_flow_properties", got == ["VisibilityTimeout"], got)
    got = labels(uri, at("Redri"))
    result("lsp_complete_flow_resource", got == ["RedriveAllowPolicy", "RedrivePolicy"], got)
    v = hover(uri, at("    Queue: arn", -8))
    result("lsp_hover_event_property", v.startswith("**Queue** (AWS::Serverless::Function)"), v)

    json_text = json.dumps({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
        "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Tracing": "Ac",
               "Events": {"E": {"Properties": {"Queue": "q"}, "Type": "SQS"}}}},
        "T": {"Type": "AWS::DynamoDB::Table", "Properties": {"KeySchema": [{"AttributeName": "id", "KeyType": "R"}]}}}}, indent=2)
    jlines = json_text.split("\n")
    jpath = os.path.join(WORK, "places", "template.json")
    write(jpath, json_text)
    juri = s.open(jpath, json_text, "json")
    s.diagnostics(juri)
    got = labels(juri, at('"Ac', 0, jlines))
    result("lsp_complete_json_enum", got == ["Active"], got)
    got = labels(juri, at('"KeyType": "R', 0, jlines))
    result("lsp_complete_json_list_item_enum", got == ["RANGE"], got)
    got = labels(juri, at('"Trac', 0, jlines))
    result("lsp_complete_json_key", got == ["Tracing"], got)
    v = hover(juri, at('"Runt', 0, jlines))
    result("lsp_hover_json_property", v.startswith("**Runtime** (AWS::Serverless::Function)"), v)
    v = hover(juri, at('"Queu', 0, jlines))
    result("lsp_hover_json_event_property", v.startswith("**Queue** (AWS::Serverless::Function)"), v)
    # Typing a new key: JSON that does not parse yet still completes.
    broken = json_text.replace('"Tracing": "Ac",', '"Tracing": "Ac", "Memo')
    s.notify("textDocument/didChange", {"textDocument": {"uri": juri, "version": 2}, "contentChanges": [{"text": broken}]})
    s.diagnostics(juri)
    got = labels(juri, at('"Memo', 0, broken.split("\n")))
    result("lsp_complete_json_while_broken", got == ["MemorySize"], got)
    result("lsp_places_exit", s.close() == 0)


def check_config_options():
    # Every lint option of .samlint.yaml applies to the documents below it; initializationOptions
    # give what the file does not say (today, maxFileSize, config, noConfig, parameters).
    root = os.path.join(WORK, "options")
    tpl = """Transform: AWS::Serverless-2016-10-31
Parameters:
  Rt:
    Type: String
    Default: python3.12
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: !Ref Rt
      Handler: app.handler
      InlineCode: "def handler(e, c): pass"
      Timeout: 20
      Events:
        Q:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
            FunctionResponseTypes: [ReportBatchItemFailures]
  Old:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.8
      Handler: app.handler
      InlineCode: "def handler(e, c): pass"
  Svc:
    Type: AWS::AppRunner::Service
    Properties:
      SourceConfiguration: {}
"""
    write(os.path.join(root, "template.yaml"), tpl)
    write(os.path.join(root, "other.yaml"), "select: [SL205]\n")
    s = Server(cwd="/")
    s.initialize()
    uri = s.open(os.path.join(root, "template.yaml"), tpl)
    plain = s.diagnostics(uri)
    by = {}
    for x in plain:
        by.setdefault(x["code"], x)
    result("lsp_options_defaults", "SL304" in by and "SL201" in by and "SL601" not in by and "SL205" in by and
           by.get("SL302", {}).get("severity") == 2, sorted(by))
    s.close()
    write(os.path.join(root, ".samlint.yaml"), "select: [SL3, SL6]\nseverity: {SL302: error}\n"
          "rule-options: {SL304: {factor: 2}}\nregions: [eu-south-2]\n")
    s = Server(cwd="/")
    s.initialize()
    uri = s.open(os.path.join(root, "template.yaml"), tpl)
    got = s.diagnostics(uri)
    codes_ = sorted(set(x["code"] for x in got))
    sev = [x["severity"] for x in got if x["code"] == "SL302"]
    result("lsp_options_select", codes_ and all(c[:3] in ("SL3", "SL6") for c in codes_), codes_)
    result("lsp_options_severity", sev and all(v == 1 for v in sev), sev)
    result("lsp_options_rule_option", "SL304" not in codes_, codes_)
    result("lsp_options_regions", any(x["code"] == "SL601" and "eu-south-2" in x["message"] for x in got), codes_)
    s.close()
    # initializationOptions: another config file, today, parameters; noConfig.
    s = Server(cwd="/")
    r = s.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": {
        "config": os.path.join(root, "other.yaml"), "today": "2023-01-01", "parameters": "Rt=python3.8"}})
    s.notify("initialized", {})
    uri = s.open(os.path.join(root, "template.yaml"), tpl)
    got = s.diagnostics(uri)
    lines = sorted(x["range"]["start"]["line"] for x in got if x["code"] == "SL205")
    # 2023-01-01: python3.8 was not yet deprecated, except that... its findings come from the parameter value only if the date says so.
    result("lsp_init_options_config_and_today", all(x["code"] == "SL205" for x in got) and not lines, sorted((x["code"], x["range"]["start"]["line"]) for x in got))
    s.close()
    s = Server(cwd="/")
    r = s.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": {
        "config": os.path.join(root, "other.yaml"), "parameters": "Rt=python3.8"}})
    s.notify("initialized", {})
    uri = s.open(os.path.join(root, "template.yaml"), tpl)
    got = s.diagnostics(uri)
    lines = sorted(x["range"]["start"]["line"] for x in got if x["code"] == "SL205")
    result("lsp_init_options_parameters", len(lines) == 2, sorted((x["code"], x["range"]["start"]["line"]) for x in got))
    s.close()
    s = Server(cwd="/")
    r = s.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": {
        "noConfig": True, "today": 7}})
    s.notify("initialized", {})
    m = s.wait(lambda m: m.get("method") == "window/showMessage")
    result("lsp_init_options_bad_value", "initializationOptions.today" in m["params"]["message"], m)
    uri = s.open(os.path.join(root, "template.yaml"), tpl)
    got = set(x["code"] for x in s.diagnostics(uri))
    result("lsp_init_options_no_config", "SL201" in got and "SL304" in got, sorted(got))
    result("lsp_options_exit", s.close() == 0)


def check_code_buffers():
    # A handler file open in the editor: its SL4xx findings follow the buffer on every change (not the
    # disk), and so do the templates that use it.
    root = os.path.join(WORK, "buffers")
    tpl = """Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      CodeUri: src/
      MemorySize: 512
      Timeout: 30
"""
    code = "exports.handler = async (event) => {\n  return event;\n};\n"
    write(os.path.join(root, "template.yaml"), tpl)
    write(os.path.join(root, "src", "app.js"), code)
    s = Server(cwd="/")
    s.initialize()
    uri = s.open(os.path.join(root, "template.yaml"), tpl)
    got = [x["code"] for x in s.diagnostics(uri)]
    result("lsp_code_buffer_template_first", "SL407" not in got, got)
    curi = s.open(os.path.join(root, "src", "app.js"), code, "javascript")
    got = [x["code"] for x in s.diagnostics(curi)]
    result("lsp_code_buffer_first", "SL401" in got, got)
    s.diagnostics(uri)  # every open document is published again
    # Error handling typed in the buffer (not saved): SL401 goes away at once.
    guarded = "exports.handler = async (event) => {\n  try {\n    return event;\n  } catch (e) {\n    throw e;\n  }\n};\n"
    s.notify("textDocument/didChange", {"textDocument": {"uri": curi, "version": 2}, "contentChanges": [{"text": guarded}]})
    got = [x["code"] for x in s.diagnostics(curi)]
    result("lsp_code_buffer_change", "SL401" not in got, got)
    s.diagnostics(uri)
    # The handler renamed in the buffer: the template that names it reports SL407 now.
    renamed = guarded.replace("exports.handler", "exports.main")
    s.notify("textDocument/didChange", {"textDocument": {"uri": curi, "version": 3}, "contentChanges": [{"text": renamed}]})
    got = [x["code"] for x in s.diagnostics(uri)]
    result("lsp_code_buffer_template_follows", "SL407" in got, got)
    s.diagnostics(curi)
    with open(os.path.join(root, "src", "app.js")) as f:
        result("lsp_code_buffer_disk_untouched", f.read() == code)
    # Closed without saving: the template reads the disk again.
    s.notify("textDocument/didClose", {"textDocument": {"uri": curi}})
    s.diagnostics(curi)
    got = [x["code"] for x in s.diagnostics(uri)]
    result("lsp_code_buffer_closed", "SL407" not in got, got)
    # The template only on disk: the handler file's findings still follow its buffer.
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    s.diagnostics(uri)
    curi = s.open(os.path.join(root, "src", "app.js"), code, "javascript")
    got = [x["code"] for x in s.diagnostics(curi)]
    s.notify("textDocument/didChange", {"textDocument": {"uri": curi, "version": 2}, "contentChanges": [{"text": guarded}]})
    got2 = [x["code"] for x in s.diagnostics(curi)]
    result("lsp_code_buffer_disk_template", "SL401" in got and "SL401" not in got2, (got, got2))
    result("lsp_code_buffer_exit", s.close() == 0)


def apply_edits(text, edits):
    """Apply LSP TextEdits (UTF-16 positions; ASCII text here) to text, last first."""
    lines = text.split("\n")
    offs = [0]
    for l in lines:
        offs.append(offs[-1] + len(l) + 1)
    def off(p):
        return offs[p["line"]] + p["character"]
    for e in sorted(edits, key=lambda e: off(e["range"]["start"]), reverse=True):
        text = text[:off(e["range"]["start"])] + e["newText"] + text[off(e["range"]["end"]):]
    return text


def check_verified_actions():
    # The fixes offered are those --fix would make: applied and linted again, the finding is gone
    # and nothing new appears. java8 -> java25 would raise SL206; the event Type SQQ -> SQS would
    # bring the SQS event's own findings.
    text = """Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: java8
      Handler: app.handler
      CodeUri: src/
      MemorySiz: 512
      Events:
        Work:
          Type: SQQ
          Properties:
            Queue: arn:aws:sqs:us-east-1:123456789012:q
"""
    path = os.path.join(WORK, "verify", "template.yaml")
    write(path, text)
    s = Server()
    s.initialize()
    uri = s.open(path, text)
    diags = s.diagnostics(uri)
    got = codes(diags)
    def actions(line):
        a = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "context": {"diagnostics": []}})
        return a["result"]
    titles = [x["title"] for x in actions(8)]
    result("lsp_fix_offered_when_it_holds", "Change to 'MemorySize'" in titles, (titles, got))
    titles5 = [x["title"] for x in actions(5)]
    result("lsp_fix_not_offered_when_new_finding", any(t.startswith("Suppress SL205") for t in titles5) and
           not any("java" in t and not t.startswith("Suppress") for t in titles5), (titles5, got))
    titles11 = [x["title"] for x in actions(11)]
    result("lsp_fix_event_type_not_offered", any(t.startswith("Suppress SL605") for t in titles11) and
           "Change to 'SQS'" not in titles11, titles11)
    # Apply the offered fix as a client would: SL602 is gone and nothing new is reported.
    fix = [x for x in actions(8) if x["title"] == "Change to 'MemorySize'"]
    fixed = apply_edits(text, fix[0]["edit"]["changes"][uri]) if fix else text
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]})
    after = [c[0] for c in codes(s.diagnostics(uri))]
    before = [c[0] for c in got]
    before.remove("SL602") if "SL602" in before else None
    left = list(before)
    new = [c for c in after if c not in left or left.remove(c)]
    result("lsp_fix_applied_is_clean", "MemorySize: 512" in fixed and "SL602" not in after and not new, (after, before))
    result("lsp_verify_exit", s.close() == 0)


for check in (check_basics, check_encodings, check_config_and_code, check_schema, check_schema_places, check_verified_actions,
              check_code_buffers, check_config_options, check_hostile):
    if ONLY and check.__name__ not in ONLY:
        continue
    try:
        check()
    except Exception as e:  # a broken session is one failure, not a crash of the suite
        result(check.__name__, False, repr(e))
