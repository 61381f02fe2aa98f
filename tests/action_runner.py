#!/usr/bin/env python3
"""action_runner: run a GitHub Actions job or the composite action.yml here,
as the runner would, for tests/t_action.sh.

    action_runner.py CONFIG.json

CONFIG: {"workflow": FILE, "job": NAME} (a workflow's job) or {"action":
DIR, "inputs": {...}} (the composite action alone); "workspace" (the
checkout), "temp" (RUNNER_TEMP, fresh per job), "cache" (a folder standing
for the actions/cache service, kept between jobs), "log" (a folder for each
step's output), "env" (more environment), "actions" ({"owner/name": DIR}:
where `uses: owner/name@ref` is checked out).

What it does as GitHub does: `${{ }}` expressions over inputs, steps.*.
outputs, github.action_path/workspace and runner.temp/os (==, !=, &&, ||,
!, always(), success(), failure()); `if:` (default success()); run steps
in bash with `shell: bash`, their env, working-directory (relative to the
workspace), GITHUB_OUTPUT, GITHUB_PATH (prepended for later steps),
GITHUB_STEP_SUMMARY; composite actions with their outputs; a failing step
skips the later ones but those whose `if:` says always() or failure().
Stand-ins: actions/checkout (the workspace is ready), actions/cache/restore
and actions/cache/save (copy to and from CONFIG's cache, exact key only),
github/codeql-action/upload-sarif (records its inputs; fails when
sarif_file is no file). Prints a JSON report: the steps (name, id,
outcome, status, log) and, for an action, its outputs and status.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml


class Job:
    def __init__(self, cfg):
        self.cfg = cfg
        self.ws = cfg["workspace"]
        self.temp = cfg["temp"]
        self.cache = cfg.get("cache")
        self.logdir = cfg["log"]
        self.actions = cfg.get("actions", {})
        self.extra_path = []
        self.env = dict(os.environ)
        self.env.update(cfg.get("env", {}))
        self.env.update({"GITHUB_WORKSPACE": self.ws, "RUNNER_TEMP": self.temp, "RUNNER_OS": "Linux",
                         "GITHUB_ACTIONS": "true", "CI": "true"})
        self.summary = os.path.join(self.temp, "_step_summary")
        self.report = []
        self.n = 0
        self.failed = False

    # ---- expressions ----
    def evaluate(self, expr, ctx):
        toks = re.findall(r"\s*('(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*\(\)|[A-Za-z_][\w.-]*)", expr)
        if "".join(toks).replace(" ", "") != expr.replace(" ", ""):
            raise SystemExit(f"action_runner: cannot read expression {expr!r}")
        toks = [t.strip() for t in toks]
        pos = [0]

        def peek():
            return toks[pos[0]] if pos[0] < len(toks) else None

        def take():
            pos[0] += 1
            return toks[pos[0] - 1]

        def primary():
            t = take()
            if t == "(":
                v = or_()
                take()
                return v
            if t == "!":
                return not truthy(primary())
            if t.startswith("'"):
                return t[1:-1].replace("''", "'")
            if t == "always()":
                return True
            if t == "success()":
                return not self.failed
            if t == "failure()":
                return self.failed
            return lookup(t)

        def lookup(name):
            parts = name.split(".")
            if parts[0] == "inputs":
                return ctx["inputs"].get(parts[1], "")
            if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
                return ctx["steps"].get(parts[1], {}).get(parts[3], "")
            if parts[0] == "steps" and len(parts) == 3 and parts[2] in ("outcome", "conclusion"):
                return ctx["outcomes"].get(parts[1], "")
            if name == "github.action_path":
                return ctx.get("action_path", "")
            if name == "github.workspace":
                return self.ws
            if name == "runner.temp":
                return self.temp
            if name == "runner.os":
                return "Linux"
            raise SystemExit(f"action_runner: unknown name {name!r} in {expr!r}")

        def cmp_():
            v = primary()
            while peek() in ("==", "!="):
                op = take()
                w = primary()
                v = (str(v) == str(w)) if op == "==" else (str(v) != str(w))
            return v

        def and_():
            v = cmp_()
            while peek() == "&&":
                take()
                w = cmp_()
                v = w if truthy(v) else v
            return v

        def or_():
            v = and_()
            while peek() == "||":
                take()
                w = and_()
                v = v if truthy(v) else w
            return v

        def truthy(v):
            return v not in (False, "", None, 0)

        v = or_()
        if pos[0] != len(toks):
            raise SystemExit(f"action_runner: trailing text in {expr!r}")
        return v

    def subst(self, s, ctx):
        def one(m):
            v = self.evaluate(m.group(1).strip(), ctx)
            return "true" if v is True else "false" if v is False else str(v)
        return re.sub(r"\$\{\{(.*?)\}\}", one, str(s))

    def condition(self, step, ctx):
        cond = step.get("if", "success()")
        if isinstance(cond, bool):
            return cond
        cond = str(cond).strip()
        m = re.fullmatch(r"\$\{\{(.*)\}\}", cond)
        if m:
            cond = m.group(1).strip()
        if not re.search(r"\b(always|success|failure)\(\)", cond):
            cond = f"success() && ({cond})"
        v = self.evaluate(cond, ctx)
        return v not in (False, "", None, 0)

    # ---- steps ----
    def run_steps(self, steps, ctx):
        for step in steps:
            sid = step.get("id", f"_{self.n}")
            name = step.get("name") or step.get("uses") or step.get("run", "").split("\n")[0]
            entry = {"name": name, "id": sid, "depth": ctx.get("depth", 0)}
            self.report.append(entry)
            if not self.condition(step, ctx):
                entry["outcome"] = "skipped"
                ctx["outcomes"][sid] = "skipped"
                continue
            self.n += 1
            log = os.path.join(self.logdir, f"step{self.n}.log")
            entry["log"] = log
            with open(log, "w") as f:
                if "run" in step:
                    status, outputs = self.run_shell(step, ctx, f)
                else:
                    status, outputs = self.run_uses(step, ctx, f)
            entry["status"] = status
            entry["outcome"] = "success" if status == 0 else "failure"
            ctx["steps"][sid] = outputs
            ctx["outcomes"][sid] = entry["outcome"]
            if status != 0:
                self.failed = True
                ctx.setdefault("first_failure", status)

    def step_env(self, step, ctx):
        env = dict(self.env)
        env["PATH"] = os.pathsep.join(self.extra_path + [env.get("PATH", "")])
        if "action_path" in ctx:
            env["GITHUB_ACTION_PATH"] = ctx["action_path"]
        for k, v in (step.get("env") or {}).items():
            env[k] = self.subst(v, ctx)
        return env

    def run_shell(self, step, ctx, log):
        if step.get("shell", "bash") != "bash":
            raise SystemExit(f"action_runner: shell {step.get('shell')!r} is not bash")
        env = self.step_env(step, ctx)
        out = os.path.join(self.temp, f"_output{self.n}")
        path = os.path.join(self.temp, f"_path{self.n}")
        open(out, "w").close()
        open(path, "w").close()
        env.update({"GITHUB_OUTPUT": out, "GITHUB_PATH": path, "GITHUB_STEP_SUMMARY": self.summary})
        cwd = os.path.join(self.ws, self.subst(step.get("working-directory", "."), ctx))
        script = self.subst(step["run"], ctx)
        # As the runner does for shell: bash.
        p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                           stdout=log, stderr=subprocess.STDOUT)
        outputs = {}
        for line in open(out):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                outputs[k] = v
        for line in open(path):
            if line.strip():
                self.extra_path.insert(0, line.strip())
        return p.returncode, outputs

    def run_uses(self, step, ctx, log):
        uses = step["uses"]
        with_ = {k: self.subst(v, ctx) for k, v in (step.get("with") or {}).items()}
        entry = self.report[-1]
        entry["with"] = with_
        name, _, ref = uses.partition("@")
        if name == "actions/checkout":
            return 0, {}
        if name in ("actions/cache/restore", "actions/cache/save"):
            return self.cache_step(name, with_, log)
        if name == "github/codeql-action/upload-sarif":
            f = os.path.join(self.ws, with_.get("sarif_file", ""))
            if not with_.get("sarif_file") or not os.path.isfile(f):
                log.write(f"upload-sarif: no SARIF file at {with_.get('sarif_file')!r}\n")
                return 1, {}
            json.load(open(f))
            return 0, {}
        if name in self.actions:
            return self.run_action(self.actions[name], with_, ctx, log)
        raise SystemExit(f"action_runner: no stand-in for uses: {uses}")

    def cache_step(self, name, with_, log):
        key, path = with_["key"], with_["path"]
        if not key or not path or not self.cache:
            log.write("cache: no key, path or service\n")
            return 0, {"cache-hit": "false"}
        slot = os.path.join(self.cache, re.sub(r"[^\w.-]", "_", key))
        if name.endswith("restore"):
            if os.path.isdir(slot):
                shutil.copytree(slot, path, dirs_exist_ok=True)
                log.write(f"Cache restored from key: {key}\n")
                return 0, {"cache-hit": "true", "cache-primary-key": key, "cache-matched-key": key}
            log.write(f"Cache not found for input keys: {key}\n")
            return 0, {"cache-hit": "false", "cache-primary-key": key}
        if os.path.isdir(slot):
            log.write(f"Cache already exists: {key}\n")  # a warning, as actions/cache/save says
            return 0, {}
        shutil.copytree(path, slot)
        log.write(f"Cache saved with key: {key}\n")
        return 0, {}

    def run_action(self, adir, with_, ctx, log):
        action = yaml.safe_load(open(os.path.join(adir, "action.yml")))
        assert action["runs"]["using"] == "composite", action["runs"]
        for k in with_:
            if k not in action.get("inputs", {}):
                log.write(f"Unexpected input(s) '{k}'\n")  # GitHub warns and goes on
                self.report[-1].setdefault("unexpected_inputs", []).append(k)
        inputs = {k: str(with_.get(k, v.get("default", ""))) for k, v in action.get("inputs", {}).items()}
        inner = {"inputs": inputs, "steps": {}, "outcomes": {}, "action_path": adir, "depth": ctx.get("depth", 0) + 1}
        was_failed, self.failed = self.failed, False
        self.run_steps(action["runs"]["steps"], inner)
        failed, self.failed = self.failed, was_failed
        outputs = {k: self.subst(v.get("value", ""), inner) for k, v in action.get("outputs", {}).items()}
        status = inner.get("first_failure", 0) if failed else 0
        return status, outputs


def main():
    cfg = json.load(open(sys.argv[1]))
    os.makedirs(cfg["temp"], exist_ok=True)
    os.makedirs(cfg["log"], exist_ok=True)
    job = Job(cfg)
    result = {}
    if "workflow" in cfg:
        wf = yaml.safe_load(open(cfg["workflow"]))
        steps = wf["jobs"][cfg["job"]]["steps"]
        job.run_steps(steps, {"inputs": {}, "steps": {}, "outcomes": {}})
    else:
        entry = {"name": "action", "id": "action", "depth": 0}
        job.report.append(entry)
        log = os.path.join(cfg["log"], "action.log")
        with open(log, "w") as f:
            status, outputs = job.run_action(cfg["action"], cfg.get("inputs", {}), {"depth": 0}, f)
        entry.update({"status": status, "outcome": "success" if status == 0 else "failure"})
        result.update({"status": status, "outputs": outputs})
    result["steps"] = job.report
    result["summary"] = open(job.summary).read() if os.path.exists(job.summary) else ""
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
