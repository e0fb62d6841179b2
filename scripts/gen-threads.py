#!/usr/bin/env python3
"""Writes a synthetic support mailbox with both sides of each conversation, for benchmarks of e-mail ingest and
first-contact resolution: THREADS customer threads over a year and 2,000 account domains; the team (support@acme.example)
replies to 90 % of them and the customer writes again in 30 % of those (within the 7-day window or after it).
Usage: scripts/gen-threads.py THREADS SEED > threads.mbox"""
import datetime
import random
import sys

threads, seed = int(sys.argv[1]), int(sys.argv[2])
random.seed(seed)
start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
opening = ["The export of the monthly report fails with a timeout since yesterday.",
           "La factura de este mes tiene un error en el importe.", "O relatório de vendas não carrega no painel.",
           "We cannot log in with single sign-on.", "No recibimos las notificaciones por correo.",
           "A integração com a API retorna erro 500."]
again = ["Still not working, same error.", "Sigue sin funcionar.", "Ainda não funciona.",
         "Thanks, one more question about the same thing.", "Gracias, otra duda sobre lo mismo."]
out = sys.stdout


def message(sender, to, subject, when, mid, body, parents=()):
    out.write("From %s %s\nFrom: %s\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: <%s>\n" % (
        sender, when.strftime("%a %b %d %H:%M:%S %Y"), sender, to, subject, when.strftime("%a, %d %b %Y %H:%M:%S +0000"), mid))
    if parents:
        out.write("In-Reply-To: <%s>\nReferences: %s\n" % (parents[-1], " ".join("<%s>" % p for p in parents)))
    out.write("Content-Type: text/plain; charset=utf-8\n\n%s\n\n" % body)


for thread in range(threads):
    domain = "c%d.example.com" % random.randrange(2000)
    customer = "user%d@%s" % (random.randrange(5), domain)
    opened = start + datetime.timedelta(seconds=random.randrange(365 * 86400))
    first = "t%d@%s" % (thread, domain)
    message(customer, "support@acme.example", "Case %d" % thread, opened, first, random.choice(opening))
    if random.random() < 0.9:
        replied = opened + datetime.timedelta(hours=random.randrange(1, 48))
        reply = "r%d@acme.example" % thread
        message("support@acme.example", customer, "Re: Case %d" % thread, replied, reply, "We fixed it, please try again.", (first,))
        if random.random() < 0.3:
            message(customer, "support@acme.example", "Re: Case %d" % thread, replied + datetime.timedelta(days=random.randrange(0, 10)),
                    "f%d@%s" % (thread, domain), random.choice(again), (first, reply))
