#!/usr/bin/env python3
"""Upload-to-result under load: starts `selfeval serve` on a free loopback port with a fresh data
folder; one client uploads 20 forms alone (the time with no queue), then CLIENTS clients (one
keep-alive connection each) upload ROUNDS forms each, all at once, from the real forms of
Fixtures/real and the sample; prints the median and the 90th percentile of the time from the
first byte of an upload written to the last byte of its JSON answer read, and the time of one
`selfeval convert` of the sample beside it. Bounded: loopback only, CLIENTS × ROUNDS requests.

The client is scripts/loadgen/upload_load.c (built here with `cc -O2`): one thread, epoll, the
requests built before the start, so that it costs little of the cores it shares with the server
and takes each end time as the answer's last byte is read. Each answer must have the status the
CLI implies (201 when `selfeval convert` reads the file, 422 when it does not), and after the load
each is parsed as JSON and checked: a 201 holds the one form with the report `convert --to json`
writes for that file, a 422 one located error. Any other answer fails the run (exit 1).

Also prints the CPU time per upload of the server and of the client during the load (with a
closed loop of CLIENTS clients, the median is about CLIENTS × that CPU time ÷ cores), and the
server's context switches per upload (each hand-off of an upload from one thread to another is
one; summed over the threads alive at the end).

usage: scripts/serve-bench.py [--bin .build/release/selfeval] [--clients 100] [--rounds 3] [--perf FILE]
"""
import argparse, glob, signal, http.client, json, os, shutil, socket, statistics, subprocess, sys, tempfile, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """User + system CPU time of process `pid` so far (all its threads), from /proc."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def context_switches(pid):
    """Voluntary + involuntary context switches of the threads of process `pid` so far, from /proc."""
    total = 0
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
                        total += int(line.split()[-1])
        except OSError:
            pass  # the thread ended
    return total


def request(path, port, name, data):
    """The whole HTTP/1.1 upload of `data` as the file `name` (multipart field `file`)."""
    boundary = "----selfeval-bench-" + uuid.uuid4().hex
    body = ('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
            'Content-Type: application/octet-stream\r\n\r\n' % (boundary, name)).encode() + data + ("\r\n--%s--\r\n" % boundary).encode()
    head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: multipart/form-data; boundary=%s\r\n"
            "Accept: application/json\r\nContent-Length: %d\r\n\r\n" % (path, port, boundary, len(body))).encode()
    return head + body


def cli_report(binary, form, work):
    """What `selfeval convert NAME --to json` writes for `form` (parsed), or None when it cannot read it."""
    name = os.path.basename(form)
    folder = tempfile.mkdtemp(prefix="cli-", dir=work)
    shutil.copyfile(form, os.path.join(folder, name))
    done = subprocess.run([binary, "convert", name, "--to", "json", "-o", "out.json"], cwd=folder, capture_output=True)
    if done.returncode != 0:
        return None
    with open(os.path.join(folder, "out.json"), "rb") as f:
        return json.load(f)


class Failure(Exception):
    pass


def load(client, port, clients, rounds, requests, work):
    """Runs the C client; returns [(request index, status, seconds)], wall seconds, client CPU
    seconds, and the answers' bodies. Raises Failure on any unexpected answer."""
    answers = os.path.join(work, "answers-%d-%d" % (clients, rounds))
    args = [client, "-c", str(clients), "-r", str(rounds), "127.0.0.1", str(port), answers] + \
           ["%d:%s" % (status, path) for path, status in requests]
    done = subprocess.run(args, capture_output=True, text=True)
    results, wall, cpu = [], None, None
    for line in done.stdout.splitlines():
        f = line.split()
        if f and f[0] == "upload":
            results.append((int(f[3]), int(f[4]), int(f[5]) / 1e9, int(f[6]), int(f[7])))
        elif f and f[0] == "load":
            wall, cpu = int(f[2]) / 1e9, (int(f[3]) + int(f[4])) / 1e6
    if done.returncode != 0 or wall is None or len(results) != clients * rounds:
        statuses = {}
        for r in results:
            statuses[(r[0], r[1])] = statuses.get((r[0], r[1]), 0) + 1
        raise Failure("upload_load exit %d: %s; answers (request, status)×count: %s"
                      % (done.returncode, done.stderr.strip(), ", ".join("%s×%d" % kv for kv in sorted(statuses.items()))))
    with open(answers, "rb") as f:
        bodies = f.read()
    return [(r[0], r[1], r[2], bodies[r[3]:r[3] + r[4]]) for r in results], wall, cpu


def check(results, expected, names):
    """Every answer parsed as JSON: a 201 holds one form whose report is the CLI's, a 422 one error."""
    for index, status, _, body in results:
        try:
            answer = json.loads(body)
        except ValueError as e:
            raise Failure("%s: answer %d is not JSON (%s): %r" % (names[index], status, e, body[:200]))
        if status == 201:
            forms = answer.get("forms") or []
            if len(forms) != 1 or answer.get("errors") != [] or not forms[0].get("id") or forms[0].get("report") != expected[index]:
                raise Failure("%s: the 201 answer is not the one form with the CLI's report: %r" % (names[index], body[:300]))
        elif answer.get("forms") != [] or len(answer.get("errors") or []) != 1:
            raise Failure("%s: the %d answer is not one located error: %r" % (names[index], status, body[:300]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "selfeval"))
    p.add_argument("--clients", type=int, default=100)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--perf", metavar="FILE", help="record the server's CPU profile under the load with `perf record -g` into FILE")
    a = p.parse_args()
    a.bin = os.path.abspath(a.bin)
    forms = sorted(glob.glob(os.path.join(ROOT, "Fixtures", "real", "*.csv"))) + [os.path.join(ROOT, "Fixtures", "qiannan-guangzhou-2023.csv")]
    names = [os.path.basename(f) for f in forms]
    work = tempfile.mkdtemp(prefix="selfeval-serve-bench-")
    client = os.path.join(work, "upload_load")
    subprocess.run(["cc", "-O2", "-Wall", "-o", client, os.path.join(ROOT, "scripts", "loadgen", "upload_load.c")], check=True)
    expected = [cli_report(a.bin, f, work) for f in forms]
    data = os.path.join(work, "data")
    port = free_port()
    link = subprocess.run([a.bin, "unit", "add", "压测单位", "--data", data], check=True, capture_output=True, text=True).stdout.strip()
    requests = []
    for i, f in enumerate(forms):
        path = os.path.join(work, "request-%d.http" % i)
        with open(path, "wb") as out, open(f, "rb") as form:
            out.write(request(link + "/forms", port, names[i], form.read()))
        requests.append((path, 422 if expected[i] is None else 201))
    env = dict(os.environ, SELFEVAL_ADMIN_PASSWORD="bench-password")
    server = subprocess.Popen([a.bin, "serve", "--port", str(port), "--data", data], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/health")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.05)
        # One client alone first: the upload-to-result time with no queue in front of it.
        alone, _, _ = load(client, port, 1, 20, requests, work)
        check(alone, expected, names)
        perf = None
        if a.perf:
            perf = subprocess.Popen(["perf", "record", "-F", "1999", "-g", "-p", str(server.pid), "-o", a.perf],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
        server_cpu_before, switches_before = cpu_seconds(server.pid), context_switches(server.pid)
        results, wall, client_cpu = load(client, port, a.clients, a.rounds, requests, work)
        server_cpu, switches = cpu_seconds(server.pid) - server_cpu_before, context_switches(server.pid) - switches_before
        if perf:
            perf.send_signal(signal.SIGINT)
            perf.wait(timeout=60)
        # The work done after the answers (the version folders: original, report, scored XLSX
        # and CSV), until the server is idle again (its CPU time still for half a second).
        last = cpu_seconds(server.pid)
        for _ in range(240):
            time.sleep(0.5)
            now = cpu_seconds(server.pid)
            if now - last < 0.01:
                break
            last = now
        deferred_cpu = last - server_cpu_before - server_cpu
        check(results, expected, names)
    except Failure as e:
        print("serve-bench: FAILED: %s" % e, file=sys.stderr)
        return 1
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    out = tempfile.mkdtemp(prefix="selfeval-convert-")
    convert = []
    for _ in range(10):
        t0 = time.perf_counter()
        subprocess.run([a.bin, "convert", os.path.join(ROOT, "Fixtures", "qiannan-guangzhou-2023.csv"), "-o", os.path.join(out, "f.xlsx"), "--force"],
                       check=True, capture_output=True)
        convert.append(time.perf_counter() - t0)
    shutil.rmtree(out, ignore_errors=True)
    times = sorted(r[2] for r in results)
    statuses = {}
    for r in results:
        statuses[r[1]] = statuses.get(r[1], 0) + 1
    n = len(times)
    print("serve: %d uploads from %d clients at once (%s, each as expected): median %.1f ms, p90 %.1f ms, %.0f uploads/s"
          % (n, a.clients, ", ".join("%d×%d" % kv for kv in sorted(statuses.items())), 1000 * statistics.median(times),
             1000 * times[int(n * 0.9) - 1], n / wall))
    print("serve: CPU per upload under that load: server %.2f ms, the C client %.3f ms (%d cores); the server's context "
          "switches: %.1f per upload; after the load, the server's deferred work (version folders): %.2f ms per upload"
          % (1000 * server_cpu / n, 1000 * client_cpu / n, os.cpu_count(), switches / n, 1000 * deferred_cpu / n))
    print("serve: 20 uploads from one client alone: median %.1f ms" % (1000 * statistics.median(r[2] for r in alone)))
    print("convert: one form, whole process: median %.1f ms" % (1000 * statistics.median(convert)))


if __name__ == "__main__":
    sys.exit(main())
