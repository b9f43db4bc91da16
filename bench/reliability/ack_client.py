#!/usr/bin/env python3
"""Check-in load that remembers what the server acknowledged (bench/reliability, issue 7).

Threads post unique scans (one new person id per request, so nothing is a legitimate duplicate) to
POST /api/v1/bench/checkins and append every acknowledged answer (HTTP 200/201 with a check-in id) to
--acks as "checkin_id person_id venue_id". Runs until --duration passes or the server goes away
(connection refused/reset after a kill), then prints the counts. Stdlib only.

  ack_client.py --url http://127.0.0.1:18080 --acks acks.txt --threads 16 --duration 30 --base 0
"""
import argparse, http.client, json, threading, time, urllib.parse

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def id_number(n):
    first17 = "330482199001" + f"{n % 100000:05d}"
    return first17 + CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://127.0.0.1:18080")
    p.add_argument("--acks", required=True)
    p.add_argument("--threads", type=int, default=16)
    p.add_argument("--duration", type=float, default=30)
    p.add_argument("--base", type=int, default=0, help="person ids start above this (one range per round)")
    p.add_argument("--venues", type=int, default=4421)
    a = p.parse_args()
    url = urllib.parse.urlparse(a.url)
    lock = threading.Lock()
    out = open(a.acks, "a", buffering=1)
    stats = {"acked": 0, "refused": 0, "failed": 0}
    deadline = time.time() + a.duration
    stop = threading.Event()

    def worker(t):
        conn = None
        seq = 0
        while not stop.is_set() and time.time() < deadline:
            seq += 1
            person = a.base + t * 10_000_000 + seq
            venue = 1 + (person * 7919) % a.venues
            body = json.dumps({"venueToken": "AQEBAQ" + "A" * 85, "idNumber": id_number(person),
                               "phone": "138%08d" % (person % 100_000_000), "name": "张三",
                               "personId": person, "venueId": venue})
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=15)
                conn.request("POST", "/api/v1/bench/checkins?mode=group", body, {"Content-Type": "application/json"})
                r = conn.getresponse()
                data = r.read()
                if r.status in (200, 201):
                    answer = json.loads(data)
                    with lock:
                        out.write(f"{answer['checkinId']} {person} {venue}\n")
                        stats["acked"] += 1
                else:
                    with lock:
                        stats["refused"] += 1
            except (ConnectionError, OSError, http.client.HTTPException):
                with lock:
                    stats["failed"] += 1
                conn = None
                if stats["failed"] > a.threads * 3:
                    stop.set()  # the server is gone
                time.sleep(0.05)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(a.threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    out.close()
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
