import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-balham.css';
import './styles/app.css';
import { App } from './App';

ModuleRegistry.registerModules([AllCommunityModule]);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html 缺少 #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
