"""Interface messages: HL7 v2 (ADT, ORU), HPRIM Santé and HPRIM Médecin, as the interface engines archive them.

Built by hand rather than with the ``hl7`` package because that package parses but does not compose messages;
the tests parse every generated message back with it. Encoded ISO-8859-1 as French interfaces usually are
(MSH-18 says so).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from lanterne.demo.clinical import ANALYTES
from lanterne.demo.context import Ctx
from lanterne.demo.identity import Patient, Staff
from lanterne.demo.labels import Planted

INS_OID = "1.2.250.1.213.1.4.8"
RPPS_OID = "1.2.250.1.71.4.2.1"


def _when(ctx: Ctx, year: int) -> datetime:
    return datetime.combine(ctx.day(year), datetime.min.time()) + timedelta(minutes=ctx.rng.randint(0, 1439))


def _pid(ctx: Ctx, p: Patient, planted: Planted, *, ins: bool) -> str:
    ids = [f"{planted.add('IPP', p.ipp)}^^^HOP^PI"]
    if ins:
        ids.append(f"{planted.add('INS', p.nir)}^^^ASIP-SANTE-INS-NIR&{INS_OID}&ISO^INS")
    planted.add("PERSON_NAME", p.full_name)
    planted.add("BIRTH_DATE", p.birth.isoformat())
    fields = [""] * 33
    fields[0] = "PID"
    fields[1] = "1"
    fields[3] = "~".join(ids)
    fields[5] = f"{p.last.upper()}^{p.first}^^^^^L"
    fields[7] = p.birth.strftime("%Y%m%d")
    fields[8] = p.sex
    fields[11] = f"{p.address}^^{p.city}^^{p.postcode}^FRA^H"
    if ctx.rng.random() < 0.5:
        fields[13] = f"{planted.add('PHONE', p.phone)}^PRN^PH"
    fields[18] = f"{planted.add('NDA', p.nda)}^^^HOP^AN"
    fields[32] = "VALI" if ins else "PROV"
    return "|".join(fields)


def _doctor_field(doc: Staff, planted: Planted) -> str:
    planted.add("PERSON_NAME", doc.full_name)
    return f"{planted.add('RPPS', doc.rpps)}^{doc.last.upper()}^{doc.first}^^^^^^ASIP-SANTE-PS&{RPPS_OID}&ISO^L^^^RPPS"


def hl7_message(ctx: Ctx, trigger: str) -> tuple[str, Planted, int]:
    """One HL7 v2.5 message (``A01``/``A08`` admission, ``R01`` lab results); returns text, planted, year."""
    rng = ctx.rng
    planted = Planted()
    year = ctx.year()
    now = _when(ctx, year)
    p = ctx.people.patient()
    doc = ctx.doctor()
    mtype = "ORU^R01^ORU_R01" if trigger == "R01" else f"ADT^{trigger}^ADT_A01"
    segs = [
        f"MSH|^~\\&|{'LABO' if trigger == 'R01' else 'GAM'}|CH|DPI|CH|{now:%Y%m%d%H%M%S}||{mtype}|"
        f"{rng.randint(10**8, 10**9 - 1)}|P|2.5|||||FRA|8859/1",
    ]
    if trigger != "R01":
        segs.append(f"EVN|{trigger}|{now:%Y%m%d%H%M%S}")
    segs.append(_pid(ctx, p, planted, ins=rng.random() < 0.7))
    pv1 = [""] * 45
    pv1[:4] = ["PV1", "1", "I", f"CARDIO^{rng.randint(100, 450)}^1"]
    pv1[7] = _doctor_field(doc, planted)
    pv1[19] = f"{p.nda}^^^HOP^AN"
    pv1[44] = f"{now:%Y%m%d%H%M%S}"
    segs.append("|".join(pv1))
    if trigger == "R01":
        segs.append(f"OBR|1|{rng.randint(10**6, 10**7)}||BIOCHIMIE^Bilan biochimique^L|||{now:%Y%m%d%H%M%S}")
        for i, a in enumerate(rng.sample(ANALYTES, rng.randint(2, 6)), start=1):
            v = a.value(rng)
            segs.append(f"OBX|{i}|NM|{a.loinc}^{a.label}^LN||{v}|{a.unit}|{a.low:g}-{a.high:g}|{a.flag(v)}|||F")
    return "\r".join(segs) + "\r", planted, year


def hl7_file(ctx: Ctx, trigger: str) -> tuple[bytes, Planted, int]:
    """A message as an interface archive stores it: sometimes framed with MLLP bytes."""
    text, planted, year = hl7_message(ctx, trigger)
    data = text.encode("latin-1")
    if ctx.rng.random() < 0.2:
        data = b"\x0b" + data + b"\x1c\r"
    return data, planted, year


def hl7_batch(ctx: Ctx) -> tuple[bytes, Planted, int]:
    """A day's archive of an interface: several messages (several patients) in one file, one per line."""
    planted = Planted()
    texts, years = [], []
    for _ in range(ctx.rng.randint(3, 12)):
        text, one, year = hl7_message(ctx, ctx.rng.choice(("A01", "A08", "R01")))
        planted.merge(one)
        texts.append(text)
        years.append(year)
    return "\n".join(texts).encode("latin-1"), planted, max(years)


def hprim_sante(ctx: Ctx) -> tuple[bytes, Planted, int]:
    """An HPRIM Santé 2.2 result message: H, P (patient), OBR, OBX, L; '~' separates components."""
    rng = ctx.rng
    planted = Planted()
    year = ctx.year()
    now = _when(ctx, year)
    p = ctx.people.patient()
    planted.add("PERSON_NAME", p.full_name)
    planted.add("BIRTH_DATE", p.birth.isoformat())
    lines = [
        f"H|~^\\&|{rng.randint(1000, 9999)}.hpr||LABO~Laboratoire de biologie|||||DPI~Dossier patient||P|H2.2|"
        f"{now:%Y%m%d%H%M}",
        # P-3 the requester's patient id (IPP); P-4 (the lab's own id) and P-5 left empty as many senders do.
        f"P|1|{planted.add('IPP', p.ipp)}|||{p.last.upper()}~{p.first}||"
        f"{p.birth:%Y%m%d}|{p.sex}|||{p.address}~~{p.city}~~{p.postcode}",
        f"OBR|1|||BIOCHIMIE~Biochimie||||{now:%Y%m%d%H%M}",
    ]
    for i, a in enumerate(rng.sample(ANALYTES, rng.randint(2, 5)), start=1):
        v = a.value(rng)
        lines.append(f"OBX|{i}|NM|{a.code}~{a.label}||{v}|{a.unit}|{a.low:g}-{a.high:g}|{a.flag(v)}|||F")
    lines.append("L|1|||")
    return ("\r\n".join(lines) + "\r\n").encode("latin-1"), planted, year


def hprim_medecin(ctx: Ctx) -> tuple[bytes, Planted, int]:
    """An HPRIM Médecin file: the 12-line header, a readable report, then the ``****LAB****`` coded block."""
    rng = ctx.rng
    planted = Planted()
    year = ctx.year()
    now = _when(ctx, year)
    p = ctx.people.patient()
    doc = ctx.doctor()
    planted.add("PERSON_NAME", p.full_name)
    planted.add("PERSON_NAME", doc.full_name)
    planted.add("BIRTH_DATE", p.birth.isoformat())
    header = [
        planted.add("IPP", p.ipp),
        p.last.upper(),
        p.first,
        p.address,
        "",
        f"{p.postcode} {p.city}",
        p.birth.strftime("%d/%m/%Y"),
        planted.add("NIR", p.nir),
        planted.add("NDA", p.nda),
        now.strftime("%d/%m/%Y"),
        doc.rpps[-6:],
        f"Dr {doc.last.upper()} {doc.first}",
    ]
    analytes = rng.sample(ANALYTES, rng.randint(2, 5))
    values = [(a, a.value(rng)) for a in analytes]
    report = ["COMPTE RENDU DE BIOLOGIE", ""] + [
        f"{a.label:<24}{v:>8} {a.unit:<8}({a.low:g}-{a.high:g})" for a, v in values
    ]
    lab = ["****LAB****"] + [
        f"RES|{a.label}|{a.code}|N|{v}|{a.unit}|{a.low:g}|{a.high:g}|{a.flag(v)}|F|" for a, v in values
    ]
    lab += ["****FIN****", "****FINFICHIER****"]
    return ("\r\n".join(header + report + lab) + "\r\n").encode("latin-1"), planted, year
