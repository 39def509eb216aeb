/** @jest-environment jsdom */
import '../../setupDom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import JSZip from 'jszip';
import { MINIMUM_CAPABILITIES } from '../../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../../src/adapters/office/OfficeWorkbook';
import { SETTING_KEYS } from '../../../../src/adapters/office/settings';
import { RecordingExcel, type FakeValue } from '../../../fakes/recordingExcel';
import { FakeFilePort, FakePort } from '../../fakePort';
import { renderApp } from '../../renderApp';

/** A project table read on 2023-06-30: two units behind, one on time. */
const ROWS: FakeValue[][] = [
  ['序号', '项目名称', '计划节点', '是否完成', '责任单位', '存在问题'],
  [1, '快速路', '2023-01-20', '否', '区交通运输局', '征地未完成'],
  [2, '文化中心', '2023-12-31', '否', '金城镇', null],
  [3, '污水厂', '2023-02-28', '否', '区水利局', null],
  [4, '防洪堤', '2023-04-30', '否', '区水利局', '资金未到位'],
];

async function writeBulletin() {
  fireEvent.click(await screen.findByRole('tab', { name: '通报' }));
  await waitFor(() => expect(screen.getByRole('button', { name: '生成通报' })).toBeEnabled());
  fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
  await screen.findByRole('region', { name: '公文' });
}

/** Rendering .docx files under jsdom takes a few seconds on a busy machine. */
const MAKING = { timeout: 20_000 };

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
}

describe('DocumentDownloads', () => {
  it('offers the 通报 as a Word file inside Excel, signed as typed, and remembers the office in the workbook', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('重点项目', ROWS);
    const port = new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
    const { services } = renderApp({ port });
    await writeBulletin();
    const office = screen.getByLabelText('发文机关');
    fireEvent.change(office, { target: { value: 'XX区人民政府办公室' } });
    fireEvent.blur(office);
    fireEvent.click(screen.getByRole('button', { name: '下载通报(Word)' }));
    expect(await screen.findByText('已生成 通报2023-06-30.docx。', {}, MAKING)).toBeInTheDocument();
    const [file] = services.downloads;
    expect(file?.name).toBe('通报2023-06-30.docx');
    const xml = await documentXml(file?.bytes ?? new Uint8Array());
    for (const text of ['XX区人民政府办公室', '快速路', '污水厂', '防洪堤', '2023年6月30日']) {
      expect([text, xml.includes(text)]).toEqual([text, true]);
    }
    await waitFor(() =>
      expect(excel.settings.get(SETTING_KEYS.documents)).toEqual({
        issuingOffice: 'XX区人民政府办公室',
      }),
    );
  });

  it("offers one .zip with a notice per unit behind in file mode, each with only that unit's items", async () => {
    const file = new FakeFilePort();
    const { services } = renderApp({ mode: 'file', filePorts: [file] });
    await writeBulletin();
    fireEvent.click(screen.getByRole('button', { name: '下载通知单' }));
    await screen.findByText(/^已生成 \d+ 份督办通知单:督办通知单2023-06-30\.zip。$/, {}, MAKING);
    const zip = services.downloads.at(-1);
    expect(zip?.name).toBe('督办通知单2023-06-30.zip');
    const entries = await JSZip.loadAsync(zip?.bytes ?? new Uint8Array());
    const names = Object.keys(entries.files);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name).toMatch(/^督办通知单-\d{2}-.+\.docx$/);
      const bytes = await entries.file(name)?.async('uint8array');
      const unit = name.replace(/^督办通知单-\d{2}-|\.docx$/g, '');
      expect(await documentXml(bytes ?? new Uint8Array())).toContain(`${unit}：`);
    }
  });

  it('starts from the fields the workbook remembers, with the defaults showing through blank ones', async () => {
    const port = new FakePort({
      kind: 'office',
      settings: { documents: { docNumber: 'X政办督〔2023〕5号' } },
    });
    renderApp({ port });
    await writeBulletin();
    expect(screen.getByLabelText('发文字号')).toHaveValue('X政办督〔2023〕5号');
    expect(screen.getByLabelText('发文机关')).toHaveAttribute('placeholder', '【发文机关】');
  });

  it('says there is nothing to send when no unit is behind, and offers no empty .zip', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('重点项目', [
      ROWS[0] as FakeValue[],
      [1, '文化中心', '2023-12-31', '否', '金城镇', null],
    ]);
    const port = new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
    const { services } = renderApp({ port });
    await writeBulletin();
    fireEvent.click(screen.getByRole('button', { name: '下载通知单' }));
    expect(
      await screen.findByText('没有滞后事项,无需督办通知单。', {}, MAKING),
    ).toBeInTheDocument();
    expect(services.downloads).toEqual([]);
  });
});
