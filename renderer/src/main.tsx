import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

void initI18n('de').then(() => {
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} className="kim-provider">
        <App />
      </FluentProvider>
    </StrictMode>,
  );
});
