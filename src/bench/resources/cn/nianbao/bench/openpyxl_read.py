#!/usr/bin/env python3
"""Reads every cell of the three national tables of each .xlsx in the given folders with openpyxl
(read-only mode, cached values), the way `nianbao bench` reads them, and prints
"<files> <seconds> <cells>". Used by `nianbao bench` for a side-by-side comparison; needs Debian's
python3-openpyxl."""
import os
import sys
import time

import openpyxl

SHEETS = ["表二_主动公开", "表三_依申请公开", "表四_复议诉讼"]


def main(folders):
    files = sorted(os.path.join(d, f) for d in folders for f in os.listdir(d) if f.endswith(".xlsx"))
    cells = 0
    start = time.perf_counter()
    for path in files:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for name in SHEETS:
            for row in wb[name].iter_rows(values_only=True):
                cells += sum(1 for v in row if v is not None)
        wb.close()
    print(f"{len(files)} {time.perf_counter() - start:.4f} {cells}")


if __name__ == "__main__":
    main(sys.argv[1:])
