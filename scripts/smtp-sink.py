#!/usr/bin/python3
"""A real SMTP server (aiosmtpd) on loopback for the tests: every message it accepts is saved in a folder as
NAME.eml (the bytes received after DATA) with NAME.json beside it (the envelope: sender and recipients).

    /usr/bin/python3 scripts/smtp-sink.py --port 2525 --folder /tmp/mail [--host 127.0.0.1]

Recipients at the domain reject.invalid are refused with 550, so tests can see a server say no.
The JSON is written first and each file appears whole (written aside, then renamed), so a reader that sees the
.eml can read both."""
import argparse
import json
import os
import signal
import threading
import time
import uuid

from aiosmtpd.controller import Controller


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@reject.invalid"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%d-%s" % (time.time_ns(), uuid.uuid4().hex)
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos)}
        self._write(name + ".json", json.dumps(meta).encode("utf-8"))
        self._write(name + ".eml", envelope.original_content or envelope.content)
        return "250 2.0.0 Ok: queued as " + name

    def _write(self, file_name, data):
        path = os.path.join(self.folder, file_name)
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    controller = Controller(SaveToFolder(args.folder), hostname=args.host, port=args.port,
                            enable_SMTPUTF8=True, data_size_limit=64 * 1024 * 1024)
    controller.start()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
