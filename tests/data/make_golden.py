"""Write the golden ARCEP files used by tests/qgis/test_fixed_broadband.py (run once, output committed).

Buildings are placed at chosen positions of the INSPIRE 200 m grid (EPSG:3035), so that the
expected counts per cell can be written by hand; coordinates are then written in EPSG:3857 as
ARCEP does. See the table in test_fixed_broadband.py for the meaning of every row.
"""

from pathlib import Path

from osgeo import osr

HERE = Path(__file__).resolve().parent / "golden"
# cell lower-left corners (EPSG:3035): A and B side by side in 01001, C in 01002, D in 2A004 (Corsica)
CELLS = {"A": (3_900_000, 2_560_000), "B": (3_900_200, 2_560_000), "C": (3_905_000, 2_560_000),
         "D": (4_250_000, 2_000_000)}
# imb_id, cell, offset x, offset y (metres inside the cell), INSEE code as written, premises
BUILDINGS_01 = [
    (1, "A", 50, 50, "01001", 3),
    (2, "A", 60, 50, "01001", 2),
    (3, "A", 100, 100, "01001", 1),
    (4, "A", 150, 150, "01001", 4),
    (5, "B", 50, 100, "01001", 2),
    (6, "B", 150, 100, "01001", 2),
    (7, "C", 100, 100, "01002", 1),
    (8, "C", 120, 100, "1002", 5),   # a code that lost its leading zero in a spreadsheet
    (9, None, 0, 0, "01002", 1),     # published without coordinates
    (7, "C", 100, 100, "01002", 1),  # the same building twice
]
BUILDINGS_2A = [(11, "D", 80, 80, "2A004", 2), (12, "D", 120, 120, "2A004", 1)]
ELIGIBILITY_01 = [  # imb_id, operator, techno, downstream class
    (1, "ORAN", "CU", "HD05"), (1, "SFR0", "CU", "HD3"),
    (2, "ORAN", "CU", "HD05"),
    (4, "ORAN", "CU", "BHD8"), (4, "NRDN", "SAT", "BHD8"),
    (5, "NRDN", "SAT", "BHD8"),
    (6, "ORAN", "CU", "HD3"),
    (7, "ORAN", "FO", "THD1G"), (7, "SFR0", "FO", "THD1G"), (7, "FREE", "FO", "THD1G"), (7, "ORAN", "CU", "BHD8"),
    (8, "SFR0", "COAX", "THD100"), (8, "ORAN", "CU", "HD3"),
    (9, "ORAN", "CU", "HD3"),
    (555, "ORAN", "CU", "HD3"),  # a building missing from the base
]
ELIGIBILITY_2A = [(11, "CU", "HD05"), (11, "CU", "HD05"), (12, "CU", "BHD8"), (999, "CU", "HD3")]  # old format


def mercator(cell, dx, dy):
    laea, web = osr.SpatialReference(), osr.SpatialReference()
    laea.ImportFromEPSG(3035)
    web.ImportFromEPSG(3857)
    for srs in (laea, web):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x0, y0 = CELLS[cell]
    x, y, _ = osr.CoordinateTransformation(laea, web).TransformPoint(x0 + dx, y0 + dy)
    return f"{x:.2f}", f"{y:.2f}"


def main():
    HERE.mkdir(exist_ok=True)
    header = ("imb_id;imb_longitude;imb_latitude;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;"
              "addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;"
              "addr_id_fantoir;addr_source")
    lines = [header]
    for imb_id, cell, dx, dy, code, n in BUILDINGS_01:
        x, y = mercator(cell, dx, dy) if cell else ("", "")
        lines.append(f"{imb_id};{x};{y};IMB/{code}/X/{imb_id:04d};{code};{n};ban;pav;{code}_0100_{imb_id:05d};;"
                     f"{imb_id};;Grande Rue;;{code};Commune {code};{code}0100;ban")
    (HERE / "base_imb_01.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the later variant: imb_x / imb_y, types IM/PA
    lines = [header.replace("imb_longitude", "imb_x").replace("imb_latitude", "imb_y")]
    for imb_id, cell, dx, dy, code, n in BUILDINGS_2A:
        x, y = mercator(cell, dx, dy)
        lines.append(f"{imb_id};{x};{y};IMB/{code}/X/{imb_id:04d};{code};{n};fpb;PA;{code}_0100_{imb_id:05d};;"
                     f"{imb_id};;Cours Napoléon;;{code};Ajaccio;{code}0100;ban")
    (HERE / "base_imb_2A.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;"
             "limitation;saturation"]
    lines += [f"{i};01001_0100_{i:05d};IMB/01001/X/{i:04d};{op};{tech};HD05;{cls};;false"
              for i, op, tech, cls in ELIGIBILITY_01]
    (HERE / "actuel_01.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["imb_id;addr_code;imb_code;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation"]
    lines += [f"{i};2A004_0100_{i:05d};IMB/2A004/X/{i:04d};{tech};HD05;{cls};;false" for i, tech, cls in ELIGIBILITY_2A]
    (HERE / "actuel_2A.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
