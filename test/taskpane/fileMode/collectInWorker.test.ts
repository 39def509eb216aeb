import { promises as fsp } from 'fs';
import * as path from 'path';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import type { ReturnFile } from '../../../src/core/collect/collectReturns';
import { DEFAULT_FILL_FIELDS } from '../../../src/core/collect/fillFields';
import { dayNumber } from '../../../src/core/dates';
import { defaultRules } from '../../../src/core/rules';
import {
  applyCollect,
  planCollect,
  readTables,
  undoCollect,
} from '../../../src/session/collectWorkflow';
import { WorkerFilePort } from '../../../src/taskpane/fileMode/WorkerFilePort';
import { returnFiles } from '../../cli/collectKit';
import { InProcessWorker } from '../../support/inProcessWorker';
import { SAMPLE } from '../../support/samples';

const DAY = dayNumber(2023, 7, 6);
const read = { asOf: DAY, rules: defaultRules(), lang: 'zh' as const };

async function open(file: string): Promise<WorkerFilePort> {
  const b = await fsp.readFile(file);
  const buffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  return WorkerFilePort.open(new InProcessWorker(), buffer, 'zh');
}

describe('汇总 in file mode, through the worker port', () => {
  it('collects the returns read in workers into the open file as the command line does, and undoes it', async () => {
    const port = await open(SAMPLE);
    const returns: ReturnFile[] = [];
    for (const f of await returnFiles()) {
      // A return that cannot be opened is the pane's to report; the rest are collected.
      const ret = await open(f).catch(() => null);
      if (ret === null) continue;
      returns.push({ file: path.basename(f), tables: await readTables(ret, read) });
      ret.dispose?.();
    }
    const [master] = await readTables(port, read);
    const result = planCollect(master!, returns, 'zh', DEFAULT_FILL_FIELDS);
    expect(result.changes).toHaveLength(19);
    expect(result.notReturned).toEqual(['西城街道']);
    await applyCollect(port, result, 'zh', DAY);

    const saved = await PackageWorkbook.open(await port.save());
    const grid = await saved.readSheet('重点项目');
    expect(grid.values[19]?.[8]).toBe('完成主体工程');
    expect((await saved.listSheets()).map((s) => s.name)).toContain('汇总记录2023-07-06');

    expect((await undoCollect(port, '重点项目')).restored).toBe(19);
    const original = await (
      await PackageWorkbook.open(await fsp.readFile(SAMPLE))
    ).readSheet('重点项目');
    expect((await port.readSheet('重点项目')).values).toEqual(original.values);
  }, 60_000);
});
