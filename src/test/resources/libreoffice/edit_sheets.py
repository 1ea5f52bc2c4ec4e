"""Edits workbooks as a clerk does in LibreOffice Calc: unprotect a sheet, insert or delete a row
or a column, save (as .xlsx or .xls). Run by RestructuredSheetTest with LibreOffice's own Python
bridge (PYTHONPATH = LibreOffice's program folder).

Usage: edit_sheets.py SOFFICE PROFILE_URL JOBS_FILE
JOBS_FILE: one job a line, tab-separated: IN OUT FILTER SHEET OP INDEX
(OP: insert_row, delete_row, insert_column; INDEX 0-based).
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    soffice, profile, jobs_file = sys.argv[1:4]
    pipe = "nianbao_edit_%d" % os.getpid()
    office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=" + profile,
                               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    raise SystemExit("soffice exited with %s" % office.returncode)
                time.sleep(0.2)
        if ctx is None:
            raise SystemExit("could not connect to soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        with open(jobs_file, encoding="utf-8") as f:
            jobs = [line.rstrip("\n").split("\t") for line in f if line.strip()]
        for src, out, filter_name, sheet_name, op, index in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
            sheet = doc.Sheets.getByName(sheet_name)
            sheet.unprotect("")
            i = int(index)
            if op == "insert_row":
                sheet.Rows.insertByIndex(i, 1)
            elif op == "delete_row":
                sheet.Rows.removeByIndex(i, 1)
            elif op == "insert_column":
                sheet.Columns.insertByIndex(i, 1)
            else:
                raise SystemExit("unknown operation " + op)
            doc.calculateAll()
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", filter_name),))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away as the office quits
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
