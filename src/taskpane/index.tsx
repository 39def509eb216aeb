import { createRoot } from 'react-dom/client';
import { App, type AppServices } from './App/App';
import { detectHost } from './bootstrap/detectHost';
import { openOfficePort } from './bootstrap/openOfficePort';
import { runFileSelfTest, runOfficeSelfTest } from './bootstrap/selfTest';
import { openXlsx } from './fileMode/openXlsx';
import { saveBytes } from './lib/saveBytes';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function fetchSample(): Promise<ArrayBuffer> {
  const res = await fetch('assets/sample.xlsx');
  if (!res.ok) throw new Error(`assets/sample.xlsx: HTTP ${res.status}`);
  return res.arrayBuffer();
}

const services: AppServices = {
  openOfficePort,
  openXlsx,
  fetchSample,
  saveBytes,
  today,
  selfTest: { office: runOfficeSelfTest, file: runFileSelfTest },
};

void detectHost().then((host) => {
  const root = document.getElementById('root');
  if (root === null) throw new Error('taskpane.html has no #root'); // a bug in the page
  createRoot(root).render(<App host={host} services={services} />);
});
