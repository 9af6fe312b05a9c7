#!/usr/bin/env python3
"""Upload-to-result under load: starts `selfeval serve` on a free loopback port with a fresh data
folder; one client uploads 20 forms alone (the time with no queue), then CLIENTS clients (threads, one connection each) upload ROUNDS forms each, all at
once, from the real forms of Fixtures/real and the sample; prints the median and the 90th
percentile of the time from sending an upload to receiving its JSON report, and the time of one
`selfeval convert` of the sample beside it. Bounded: loopback only, CLIENTS × ROUNDS requests.

Also prints the CPU time per upload of the server and of this client during the load (with a
closed loop of CLIENTS clients, the median is about CLIENTS × that CPU time ÷ cores).

usage: scripts/serve-bench.py [--bin .build/release/selfeval] [--clients 100] [--rounds 3] [--perf FILE]
"""
import argparse, glob, signal, http.client, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, uuid

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


def multipart(name, data):
    boundary = "----selfeval-bench-" + uuid.uuid4().hex
    head = ('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
            'Content-Type: application/octet-stream\r\n\r\n' % (boundary, name)).encode()
    return boundary, head + data + ("\r\n--%s--\r\n" % boundary).encode()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "selfeval"))
    p.add_argument("--clients", type=int, default=100)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--perf", metavar="FILE", help="record the server's CPU profile under the load with `perf record -g` into FILE")
    a = p.parse_args()
    forms = sorted(glob.glob(os.path.join(ROOT, "Fixtures", "real", "*.csv"))) + [os.path.join(ROOT, "Fixtures", "qiannan-guangzhou-2023.csv")]
    bodies = [multipart(os.path.basename(f), open(f, "rb").read()) for f in forms]
    data = tempfile.mkdtemp(prefix="selfeval-serve-bench-")
    port = free_port()
    link = subprocess.run([a.bin, "unit", "add", "压测单位", "--data", data], check=True, capture_output=True, text=True).stdout.strip()
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
        alone = []
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for r in range(20):
            boundary, body = bodies[r % len(bodies)]
            t0 = time.perf_counter()
            conn.request("POST", link + "/forms", body=body, headers={
                "Content-Type": "multipart/form-data; boundary=" + boundary, "Accept": "application/json"})
            conn.getresponse().read()
            alone.append(time.perf_counter() - t0)
        conn.close()
        times, statuses, lock = [], {}, threading.Lock()
        start = threading.Barrier(a.clients)

        def client(i):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            start.wait()
            for r in range(a.rounds):
                boundary, body = bodies[(i * a.rounds + r) % len(bodies)]
                t0 = time.perf_counter()
                conn.request("POST", link + "/forms", body=body, headers={
                    "Content-Type": "multipart/form-data; boundary=" + boundary, "Accept": "application/json"})
                resp = conn.getresponse()
                payload = resp.read()
                t1 = time.perf_counter()
                json.loads(payload)
                with lock:
                    times.append(t1 - t0)
                    statuses[resp.status] = statuses.get(resp.status, 0) + 1
            conn.close()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(a.clients)]
        perf = None
        if a.perf:
            perf = subprocess.Popen(["perf", "record", "-F", "1999", "-g", "-p", str(server.pid), "-o", a.perf],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
        server_cpu_before, client_cpu = cpu_seconds(server.pid), os.times()
        wall = time.perf_counter()
        for t in threads: t.start()
        for t in threads: t.join()
        wall = time.perf_counter() - wall
        server_cpu = cpu_seconds(server.pid) - server_cpu_before
        client_cpu = sum(os.times()[:2]) - sum(client_cpu[:2])
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
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(data, ignore_errors=True)
    out = tempfile.mkdtemp(prefix="selfeval-convert-")
    convert = []
    for _ in range(10):
        t0 = time.perf_counter()
        subprocess.run([a.bin, "convert", os.path.join(ROOT, "Fixtures", "qiannan-guangzhou-2023.csv"), "-o", os.path.join(out, "f.xlsx"), "--force"],
                       check=True, capture_output=True)
        convert.append(time.perf_counter() - t0)
    shutil.rmtree(out, ignore_errors=True)
    times.sort()
    n = len(times)
    print("serve: %d uploads from %d clients at once (%s): median %.1f ms, p90 %.1f ms, %.0f uploads/s"
          % (n, a.clients, ", ".join("%d×%d" % kv for kv in sorted(statuses.items())), 1000 * statistics.median(times),
             1000 * times[int(n * 0.9) - 1], n / wall))
    print("serve: CPU per upload under that load: server %.2f ms, this client %.2f ms (%d cores); after the load, "
          "the server's deferred work (version folders): %.2f ms per upload"
          % (1000 * server_cpu / n, 1000 * client_cpu / n, os.cpu_count(), 1000 * deferred_cpu / n))
    print("serve: 20 uploads from one client alone: median %.1f ms" % (1000 * statistics.median(alone)))
    print("convert: one form, whole process: median %.1f ms" % (1000 * statistics.median(convert)))


if __name__ == "__main__":
    sys.exit(main())
