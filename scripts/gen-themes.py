#!/usr/bin/env python3
"""Writes an NPS survey export whose comments, in English, Spanish and Portuguese, run from January to mid-April
2024 at about five a day over the accounts of corpora/crm/accounts.csv: ordinary praise and complaints all along
(invoices, slow support, onboarding), and from 2024-04-06 a new complaint, that the export button disappeared from
the reports page, from three accounts in their languages, with low scores. What `voc themes` should find emerging
in the last two weeks, and nothing else. `scripts/gen-themes.py 7` wrote corpora/themes/nps_comments_2024.csv.
Usage: scripts/gen-themes.py SEED > themes.csv"""
import csv
import datetime
import random
import sys

random.seed(int(sys.argv[1]))
accounts = {"NW-1001": "en", "CT-2002": "pt", "GX-3003": "es", "IN-4004": "es", "UM-5005": "pt", "WE-6006": "en", "SK-7007": "en", "HO-8008": "en"}
ordinary = {
    "en": (["", "Honestly, ", "Overall ", "As I said to our CSM, ", "Quick note: "],
           ["support answered within the hour", "the invoice was wrong again this month", "onboarding took longer than promised",
            "the dashboard is easy to use", "reports load fine for our team", "billing charged us twice for the same seat",
            "the mobile app keeps logging us out", "your team was patient with our questions", "good value for the price",
            "the integration with our CRM works well"],
           [".", "!", ", thanks.", " and we noticed.", " for the finance team."]),
    "es": (["", "La verdad, ", "En general ", "Como le dije a nuestra CSM, ", "Nota rápida: "],
           ["el soporte respondió en menos de una hora", "la factura llegó mal otra vez este mes", "la implementación tardó más de lo prometido",
            "el panel es fácil de usar", "los informes cargan bien para el equipo", "nos cobraron dos veces la misma licencia",
            "la aplicación móvil nos cierra la sesión", "el equipo tuvo paciencia con nuestras dudas", "buena relación calidad precio",
            "la integración con el CRM funciona bien"],
           [".", "!", ", gracias.", " y lo notamos.", " para el equipo de finanzas."]),
    "pt": (["", "Sinceramente, ", "No geral ", "Como falei para a nossa CSM, ", "Resumo: "],
           ["o suporte respondeu em menos de uma hora", "a fatura veio errada de novo este mês", "a implantação demorou mais que o prometido",
            "o painel é fácil de usar", "os relatórios carregam bem para a equipe", "cobraram duas vezes a mesma licença",
            "o aplicativo no celular derruba a sessão", "a equipe teve paciência com as nossas dúvidas", "bom custo-benefício",
            "a integração com o CRM funciona bem"],
           [".", "!", ", obrigado.", " e percebemos.", " para o time financeiro."]),
}
planted = {
    "en": ["The export button disappeared from the reports page after the update.", "Where did the export button go? It disappeared from the reports page.",
           "We cannot export anymore, the export button disappeared."],
    "es": ["El botón de exportar desapareció de la página de informes.", "¿Dónde está el botón de exportar? Desapareció tras la actualización.",
           "Ya no podemos exportar, el botón de exportar desapareció."],
    "pt": ["O botão de exportar sumiu da página de relatórios.", "Cadê o botão de exportar? Sumiu depois da atualização.",
           "Não conseguimos mais exportar, o botão de exportar sumiu."],
}
start, plant_from, end = datetime.datetime(2024, 1, 8, 8), datetime.datetime(2024, 4, 6), datetime.datetime(2024, 4, 19, 18)
w = csv.writer(sys.stdout, lineterminator="\r\n")
w.writerow(["Response ID", "Account ID", "Submitted At", "How likely are you to recommend us? (0-10)", "Comments"])
moment, number = start, 0
while moment < end:
    number += 1
    account = random.choice(list(accounts))
    language = accounts[account]
    if moment >= plant_from and account in ("NW-1001", "CT-2002", "GX-3003") and random.random() < 0.6:
        text, score = random.choice(planted[language]), random.randint(2, 6)
    else:
        openers, cores, closers = ordinary[language]
        core = random.choice(cores)
        text = random.choice(openers) + core + random.choice(closers)
        text = text[0].upper() + text[1:]
        score = random.randint(6, 10)
    w.writerow([f"R{number:05d}", account, moment.strftime("%Y-%m-%dT%H:%M:%SZ"), score, text])
    moment += datetime.timedelta(minutes=random.randint(60, 420))
