/**
 * office-addin-mock, loadable under Jest. It imports office-addin-manifest only for the OfficeApp
 * enum, and that package pulls in an ES-module-only dependency (strip-bom) that Jest cannot load
 * without a transform of node_modules; so the enum is supplied here instead.
 */
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));

export { OfficeMockObject } from 'office-addin-mock';
