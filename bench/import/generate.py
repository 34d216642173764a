#!/usr/bin/env python3
"""Writes the import benchmark's three files: N volunteers, 200 opportunities and N hours rows (one per volunteer).

Deterministic (no randomness), valid national IDs (Luhn), Arabic names and headers, dates relative to TODAY."""
import sys, datetime

n = int(sys.argv[1]); out = sys.argv[2]; today = datetime.date.fromisoformat(sys.argv[3])

def national_id(i):
    nine = "1" + f"{i + 30_000_000:08d}"
    for check in "0123456789":
        digits = nine + check
        total = 0
        for k, ch in enumerate(digits):
            d = int(ch)
            if k % 2 == 0:
                d *= 2
                if d > 9: d -= 9
            total += d
        if total % 10 == 0:
            return digits

first = ["محمد", "عبدالله", "فهد", "سارة", "نورة", "ريم", "خالد", "هند", "سلمان", "لطيفة"]
last = ["القحطاني", "العتيبي", "الشمري", "الدوسري", "الحربي", "الغامدي", "الزهراني", "المطيري"]
regions = [("الرياض", ["الرياض", "الخرج"]), ("مكة المكرمة", ["جدة", "الطائف"]), ("المنطقة الشرقية", ["الدمام", "الخبر"])]
opportunities = 200

with open(f"{out}/volunteers.csv", "w", encoding="utf-8-sig", newline="") as f:
    f.write("رقم الهوية,الاسم بالعربية,الاسم بالإنجليزية,الجنس,تاريخ الميلاد,الجوال,البريد الإلكتروني,المنطقة,المدينة\r\n")
    for i in range(n):
        region, cities = regions[i % 3]
        gender = "أنثى" if i % 2 else "ذكر"
        born = datetime.date(1970 + i % 35, 1 + i % 12, 1 + i % 28)
        f.write(f"{national_id(i)},{first[i % 10]} {last[i % 8]},,{gender},{born},05{i % 100_000_000:08d},bench{i}@import.example,{region},{cities[i % 2]}\r\n")

with open(f"{out}/opportunities.csv", "w", encoding="utf-8-sig", newline="") as f:
    f.write("المرجع,العنوان بالعربية,الوصف بالعربية,المجال,المنطقة,المدينة,تاريخ البداية,تاريخ النهاية\r\n")
    for k in range(opportunities):
        f.write(f"BENCH-{k:04d},فرصة رقم {k},وصف الفرصة التطوعية {k},الاجتماعي,الرياض,الرياض,{today - datetime.timedelta(days=60)},{today - datetime.timedelta(days=1)}\r\n")

with open(f"{out}/hours.csv", "w", encoding="utf-8-sig", newline="") as f:
    f.write("رقم الهوية,مرجع الفرصة,التاريخ,الساعات\r\n")
    for i in range(n):
        f.write(f"{national_id(i)},BENCH-{i % opportunities:04d},{today - datetime.timedelta(days=1 + i % 25)},{2 + i % 5}.5\r\n")
