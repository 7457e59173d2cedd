import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPastedHtml } from './paste-clean.js';

describe('pasted HTML, first pass (no DOM)', () => {
  it('drops scripts, styles, frames and Word’s conditional comments and XML', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>·<span style='font:7.0pt'>&nbsp;</span></span><![endif]>First<o:p></o:p></p>
<script>alert(1)</script><iframe src="https://evil.example"></iframe><noscript><script>x</script></noscript>
<p class=MsoNormal><b>Bold</b> words<o:p></o:p></p></body></html>`;
    const { html, imageUrls } = cleanPastedHtml(word);
    assert.doesNotMatch(html, /<script|<style|<iframe|<xml|<o:p|\[if|alert|mso 9|·/i);
    assert.match(html, /First/);
    assert.match(html, /<b>Bold<\/b> words/);
    assert.deepEqual(imageUrls, []);
  });

  it('unwraps Google Docs’ outer <b style="font-weight:normal">, keeping what is inside', () => {
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span style="font-weight:700">Strong</span> and <span style="font-style:italic">slanted</span></p></b>';
    const { html } = cleanPastedHtml(docs);
    assert.doesNotMatch(html, /docs-internal-guid|<meta/);
    // Styles become tags (the newsroom's CSP keeps the browser from applying inline styles at all).
    assert.equal(html, '<p dir="ltr"><strong>Strong</strong> and <em>slanted</em></p>');
  });

  it('takes images out and hands back their web addresses, each once, never data: or javascript:', () => {
    const { html, imageUrls } = cleanPastedHtml(
      '<p>A<img src="https://cdn.example.com/a.jpg?x=1&amp;y=2" alt="a"><img src=\'http://example.org/b.png\'><img src="https://cdn.example.com/a.jpg?x=1&amp;y=2"><img src="data:image/png;base64,AAA"><img src="javascript:alert(1)">B</p>',
    );
    assert.equal(html, '<p>AB</p>');
    assert.deepEqual(imageUrls, ['https://cdn.example.com/a.jpg?x=1&y=2', 'http://example.org/b.png']);
  });
});
