#!/usr/bin/python3
# Baseline used when ../shared/bench is absent: read -> score and measure per row -> write,
# in pandas, all columns as text. Usage: /usr/bin/python3 bench/pandas-baseline.py IN OUT
import sys
import numpy as np
import pandas as pd

source, target = sys.argv[1], sys.argv[2]
as_of = pd.Timestamp('2025-01-01')
measures = [
    ('preis|teuer|günstig|rabatt', 'discount_offer'),
    ('konkurrenz|wettbewerb|mitbewerber', 'winback_competitor'),
    ('service|support|hotline|beratung|reklamation', 'service_recovery'),
    ('liefer', 'logistics_apology'),
    ('qualität|rechnung|app ', 'quality_followup'),
    ('umzug|aufgelöst|kein bedarf', 'no_contact'),
]
df = pd.read_csv(source, dtype=str, na_filter=False)
days = (as_of - pd.to_datetime(df['churn_date'], format='%Y-%m-%d')).dt.days
recency = np.maximum(0, 1 - days / 1095)
value = pd.to_numeric(df['revenue_total']) * pd.to_numeric(df['margin_pct']) / 100
df['value_score'] = (value * (0.5 + 0.5 * recency)).round(2)
text = df['reason'].str.lower()
df['measure'] = np.select([text.str.contains(p, regex=True) for p, _ in measures], [m for _, m in measures], default='generic_winback')
df.to_csv(target, index=False)
