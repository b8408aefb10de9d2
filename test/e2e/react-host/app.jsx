// A React 19 app embedding <citizen-portal>, as a city site built with React would: attributes as props, an
// object property (synonyms) and the element's custom events through React 19's custom-element support.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function App({ endpoint }) {
  const [reference, setReference] = useState('');
  return (
    <main>
      <h1>City app (React)</h1>
      <citizen-portal
        endpoint={endpoint}
        jurisdiction="demo.city"
        synonyms={{ POTHOLE: ['bache'] }}
        oncp-request-submitted={(e) => setReference(e.detail.serviceRequestId)}
      />
      <p id="react-state">{reference ? `React saw report ${reference}` : 'No report yet'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App endpoint={document.body.dataset.endpoint} />);
