#!/usr/bin/env python3
"""Writes a Portuguese Google Forms export with an NPS question, a satisfaction matrix (Suporte, Faturamento,
Implantação) and a comment: about 27 % of respondents are unhappy with billing and score low, as their comments say;
support is rated badly by a fifth whatever their score; onboarding is left blank by every seventh. ROWS responses over
March and April 2024 from six company domains. `scripts/gen-matrix.py 96 11` wrote corpora/matrices/googleforms_matrix_pt.csv.
Usage: scripts/gen-matrix.py ROWS SEED > matrix.csv"""
import csv
import random
import sys

rows, seed = int(sys.argv[1]), int(sys.argv[2])
random.seed(seed)
labels = ["Muito insatisfeito", "Insatisfeito", "Neutro", "Satisfeito", "Muito satisfeito"]
stem = "Quão satisfeito você está com cada um dos itens a seguir?"
header = ["Carimbo de data/hora", "Endereço de e-mail", "Qual a probabilidade de você recomendar a Acme a um amigo ou colega?",
          f"{stem} [Suporte]", f"{stem} [Faturamento]", f"{stem} [Implantação]", "Algum comentário?"]
domains = ["lojasmarques.com.br", "ferragens-sul.com.br", "clinicavida.com.br", "transportesrapido.com.br", "padariacentral.com.br", "editoraluz.com.br"]
names = ["ana", "bruno", "carla", "diego", "elisa", "fabio", "gabriela", "heitor", "iris", "joao", "karina", "lucas", "marina", "nuno", "olivia", "paulo", "rita"]
openers = ["", "Sinceramente, ", "Mais uma vez: ", "Como falei no chamado, ", "Resumo: "]
details = ["no mês de março", "na filial de Curitiba", "desde a troca de plano", "com o pedido 4411", "no último trimestre", "para a equipe financeira", "depois da migração"]
bad_billing = ["A fatura veio com valor errado de novo, já é o terceiro mês.", "Cobraram duas vezes no cartão e o estorno demorou semanas.",
               "Não consigo entender a fatura, cada mês vem uma taxa nova.", "Fui cobrado depois de cancelar o plano adicional. Péssimo.",
               "O boleto chegou com vencimento errado e pagamos multa."]
good = ["O suporte resolveu tudo no mesmo dia, muito obrigado!", "Produto ótimo, a equipe é muito atenciosa.", "Estamos satisfeitos, funciona bem.",
        "A implantação foi rápida e o treinamento ajudou bastante.", "", "", "Tudo certo por aqui.", "Gostamos muito dos relatórios novos."]
slow_support = ["O suporte demora muito para responder os chamados.", "Abrimos um chamado há uma semana e ninguém respondeu."]
w = csv.writer(sys.stdout, lineterminator="\r\n")
w.writerow(header)
for i in range(rows):
    day = 1 + (i * 61) // rows
    month, d = (3, day) if day <= 31 else (4, day - 31)
    ts = f"{d:02d}/{month:02d}/2024 {8 + i % 10:02d}:{(i * 7) % 60:02d}:{(i * 13) % 60:02d}"
    email = f"{names[(i * 5) % len(names)]}@{domains[i % len(domains)]}"
    billing_bad = random.random() < 0.27
    support_bad = random.random() < 0.2
    if billing_bad:
        nps = random.choice([0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 8])
        billing = random.choice(labels[:3])
        comment = random.choice(openers) + random.choice(bad_billing).rstrip(".") + " " + random.choice(details) + "."
    else:
        nps = random.choice([6, 7, 8, 8, 9, 9, 10, 10, 10])
        billing = random.choice(labels[3:])
        comment = random.choice(slow_support) if support_bad and random.random() < 0.6 else random.choice(good)
        if comment and random.random() < 0.7: comment = comment.rstrip(".!") + " " + random.choice(details) + "."
    support = random.choice(labels[:3]) if support_bad else random.choice(labels[3:])
    onboarding = "" if i % 7 == 0 else random.choice(labels[2:])
    w.writerow([ts, email, nps, support, billing, onboarding, comment])
