import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import { summarizeBulletin } from '../../../src/core/bulletin/summarize';
import { defaultRules, resolveRules } from '../../../src/core/rules';
import { projectsSheet, tasksSheet } from './fixtures';
import { expectGolden } from './golden';
import { day } from './sheetOf';

function enRyb() {
  const r = resolveRules({ palette: 'ryb' }, 'en');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

describe('bulletin goldens', () => {
  it('summarizes and lays out a project table with investment, starts and categories', () => {
    const sheets = [projectsSheet()];
    const asOf = day('2023-06-30');
    expectGolden('projects.summary', summarizeBulletin(sheets, asOf, 'zh'));
    expectGolden(
      'projects.book',
      buildBulletin(sheets, asOf, { lang: 'zh', rules: defaultRules() }),
    );
  });

  it('leaves out investment and starts for a task list whose categories come from section rows', () => {
    const sheets = [tasksSheet()];
    const asOf = day('2023-09-30');
    expectGolden('tasks-sections.summary', summarizeBulletin(sheets, asOf, 'zh'));
    expectGolden(
      'tasks-sections.book',
      buildBulletin(sheets, asOf, { lang: 'zh', rules: defaultRules() }),
    );
  });

  it('writes the bulletin in English with the red/yellow/blue palette and a title of the user’s', () => {
    const rules = enRyb();
    const sheets = [projectsSheet('en', rules)];
    const book = buildBulletin(sheets, day('2023-06-30'), {
      lang: 'en',
      rules,
      title: 'Q2 review',
    });
    expectGolden('projects-en.book', book);
  });
});
