import { createRoot } from 'react-dom/client';
import { Pane } from './Pane.js';

// Office.js calls back once it knows the host (Outlook) or that there is none (a plain browser).
Office.onReady((info) => {
  createRoot(document.getElementById('root')!).render(<Pane inOutlook={info.host === Office.HostType.Outlook} />);
});
