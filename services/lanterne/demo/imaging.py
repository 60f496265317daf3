"""DICOM files as a PACS export or a CD-ROM copy leaves them: patient in the header, a tiny image or none.

Written with pydicom (the reference library); UIDs derive from the seed so a seed gives the same files.
"""

from __future__ import annotations

import io

from lanterne.demo.context import Ctx
from lanterne.demo.labels import Planted

_MODALITIES = {"CT": "1.2.840.10008.5.1.4.1.1.2", "MR": "1.2.840.10008.5.1.4.1.1.4", "CR": "1.2.840.10008.5.1.4.1.1.1"}


def dicom_file(ctx: Ctx, *, preamble: bool = True) -> tuple[bytes, Planted, int, str]:
    """One DICOM image: PatientName/ID/BirthDate/Sex, referring physician, 16x16 pixels (or none).

    ``preamble=False`` writes the bare dataset (implicit VR little endian, no 128-byte preamble, no ``DICM``), as
    some old modalities and CD exports do: the file starts with a group 0x0008 element.
    """
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    rng = ctx.rng
    planted = Planted()
    year = ctx.year()
    p = ctx.people.patient()
    ref = ctx.doctor()
    modality = rng.choice(sorted(_MODALITIES))

    def uid() -> str:
        return generate_uid(entropy_srcs=[str(rng.getrandbits(64))])

    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = _MODALITIES[modality]
    ds.SOPInstanceUID = uid()
    ds.StudyDate = ctx.day(year).strftime("%Y%m%d")
    ds.Modality = modality
    ds.InstitutionName = ctx.site.name
    ds.ReferringPhysicianName = f"{ref.last.upper()}^{ref.first}"
    ds.AccessionNumber = f"A{rng.randint(10**7, 10**8 - 1)}"
    ds.PatientName = f"{p.last.upper()}^{p.first}"
    ds.PatientID = planted.add("IPP", p.ipp)
    ds.PatientBirthDate = p.birth.strftime("%Y%m%d")
    ds.PatientSex = p.sex
    ds.StudyInstanceUID = uid()
    ds.SeriesInstanceUID = uid()
    ds.StudyDescription = rng.choice(("THORAX", "CRANE", "ABDOMEN-PELVIS", "RACHIS LOMBAIRE"))
    planted.add("PERSON_NAME", p.full_name)
    planted.add("PERSON_NAME", ref.full_name)
    planted.add("BIRTH_DATE", p.birth.isoformat())
    if rng.random() < 0.7:
        ds.Rows = ds.Columns = 16
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated = ds.BitsStored = 8
        ds.HighBit = 7
        ds.PixelRepresentation = 0
        ds.PixelData = rng.randbytes(256)
    buf = io.BytesIO()
    if preamble:
        ds.file_meta = FileMetaDataset()
        ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.save_as(buf, enforce_file_format=True)
    else:
        ds.save_as(buf, implicit_vr=True, little_endian=True)
    return buf.getvalue(), planted, year, modality
