import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArticleBodySchema, type ArticleBody, type BodyBlock, type Inline } from '../../shared/article-body.js';
import { convertWordPressBody, resolveBodyImages, type ConvertedBody, type WordPressAttachment } from './wordpress-body.js';

const ATTACHMENTS: Record<string, WordPressAttachment> = {
  '12': { url: 'https://old.example/wp-content/uploads/market.jpg', alt: 'The market at dawn', caption: 'Stalls open at five', credit: 'Ana Ruiz' },
  '13': { url: 'https://old.example/wp-content/uploads/harbour.jpg', alt: 'The harbour', caption: '', credit: '' },
  '14': { url: 'https://old.example/wp-content/uploads/pier.jpg', alt: '', caption: 'The pier (Photo: Lee Chan)', credit: '' },
};

/** Every conversion in these tests goes through here: its body must be one the schema accepts as it is. */
function convert(html: string, attachments: Record<string, WordPressAttachment> = ATTACHMENTS): ConvertedBody {
  const result = convertWordPressBody(html, { attachment: (id) => attachments[id] });
  assertValid(result);
  return result;
}

function assertValid(result: ConvertedBody): void {
  assert.deepEqual(ArticleBodySchema.parse(result.body), result.body, 'the schema accepts the body unchanged');
  const figures = result.body.filter((block) => block.type === 'figure');
  assert.deepEqual(
    figures.map((figure) => figure.mediaId),
    result.images.map((_, index) => `image:${index}`),
    'figures name the images in order, one each',
  );
}

const paragraph = (...content: Inline[]): BodyBlock => ({ type: 'paragraph', content });
const words = (text: string): BodyBlock => paragraph({ text });
const link = (url: string): BodyBlock => paragraph({ text: url, href: url });
const figure = (index: number): BodyBlock => ({ type: 'figure', mediaId: `image:${index}` });
const mentions = (warnings: string[], name: string) => warnings.some((warning) => warning.includes(name));

describe('convertWordPressBody: block-editor posts', () => {
  it('reads paragraph, heading, quote and pullquote blocks', () => {
    const { body, warnings } = convert(`
<!-- wp:paragraph -->
<p>The council <em>voted</em> on <strong>Tuesday</strong>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">What <strong>happens</strong> next</h2>
<!-- /wp:heading -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>We will appeal.</p><p>This is not over.</p><cite>Mayor Ines Alvarez</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>A turning point</p><cite>The editors</cite></blockquote></figure>
<!-- /wp:pullquote -->`);
    assert.deepEqual(body, [
      paragraph({ text: 'The council ' }, { text: 'voted', marks: ['em'] }, { text: ' on ' }, { text: 'Tuesday', marks: ['strong'] }, { text: '.' }),
      { type: 'heading', text: 'What happens next' },
      { type: 'quote', text: 'We will appeal.\n\nThis is not over.', attribution: 'Mayor Ines Alvarez' },
      { type: 'quote', text: 'A turning point', attribution: 'The editors' },
    ]);
    assert.deepEqual(warnings, []);
  });

  it('reads lists, flattening a nested list into its parent with a warning', () => {
    const { body, warnings } = convert(`
<!-- wp:list {"ordered":true} -->
<ol><!-- wp:list-item --><li>First</li><!-- /wp:list-item --><!-- wp:list-item --><li>Second</li><!-- /wp:list-item --></ol>
<!-- /wp:list -->
<!-- wp:list -->
<ul><li>Fruit<ul><li>Apples</li><li>Pears</li></ul></li><li>Bread</li></ul>
<!-- /wp:list -->`);
    assert.deepEqual(body, [
      { type: 'list', ordered: true, items: [[{ text: 'First' }], [{ text: 'Second' }]] },
      { type: 'list', ordered: false, items: [[{ text: 'Fruit' }], [{ text: 'Apples' }], [{ text: 'Pears' }], [{ text: 'Bread' }]] },
    ]);
    assert.equal(warnings.length, 1);
  });

  it('reads an image block: address, alt, caption and credit, the attachment id from the class or else the block', () => {
    const { body, images } = convert(`
<!-- wp:image {"id":12,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://old.example/market-1024x683.jpg" alt="Stalls at first light" class="wp-image-12"/><figcaption>Traders set up before dawn / Photo: Jane Doe</figcaption></figure>
<!-- /wp:image -->
<!-- wp:image {"id":13} -->
<figure class="wp-block-image"><img src="https://old.example/harbour-300x200.jpg" alt=""/></figure>
<!-- /wp:image -->
<!-- wp:image -->
<figure class="wp-block-image"><img src="https://elsewhere.example/a.png" alt="A chart"/><figcaption>Prices since 2019</figcaption></figure>
<!-- /wp:image -->`);
    assert.deepEqual(body, [figure(0), figure(1), figure(2)]);
    assert.deepEqual(images, [
      // The attachment's address is the original upload, not the resized copy the post showed.
      { url: ATTACHMENTS['12']!.url, alt: 'Stalls at first light', caption: 'Traders set up before dawn', credit: 'Jane Doe', attachmentId: '12' },
      { url: ATTACHMENTS['13']!.url, alt: 'The harbour', caption: '', credit: '', attachmentId: '13' },
      { url: 'https://elsewhere.example/a.png', alt: 'A chart', caption: 'Prices since 2019', credit: '', attachmentId: null },
    ]);
  });

  it('makes a figure of each image of a gallery, its own caption kept as words under them', () => {
    const { body, images } = convert(`
<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images">
<!-- wp:image {"id":12} --><figure class="wp-block-image"><img src="https://old.example/m.jpg" alt="" class="wp-image-12"/></figure><!-- /wp:image -->
<!-- wp:image {"id":13} --><figure class="wp-block-image"><img src="https://old.example/h.jpg" alt="" class="wp-image-13"/><figcaption>Boats</figcaption></figure><!-- /wp:image -->
<figcaption class="blocks-gallery-caption">Market day</figcaption></figure>
<!-- /wp:gallery -->`);
    assert.deepEqual(body, [figure(0), figure(1), words('Market day')]);
    assert.deepEqual(
      images.map((image) => [image.attachmentId, image.caption]),
      [
        ['12', 'Stalls open at five'],
        ['13', 'Boats'],
      ],
    );
  });

  it('turns an embed into a paragraph holding one link to its address', () => {
    const { body } = convert(`
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc","type":"video","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc
</div></figure>
<!-- /wp:embed -->
<!-- wp:embed {"url":"https://twitter.com/x/status/1"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper"></div></figure>
<!-- /wp:embed -->`);
    assert.deepEqual(body, [link('https://www.youtube.com/watch?v=abc'), link('https://twitter.com/x/status/1')]);
  });

  it('drops a separator with a warning, a "more" block silently, and a dynamic block with a warning', () => {
    const { body, warnings } = convert(`
<!-- wp:paragraph --><p>Before</p><!-- /wp:paragraph -->
<!-- wp:more --><!--more--><!-- /wp:more -->
<!-- wp:separator --><hr class="wp-block-separator has-alpha-channel-opacity"/><!-- /wp:separator -->
<!-- wp:latest-posts /-->
<!-- wp:paragraph --><p>After</p><!-- /wp:paragraph -->`);
    assert.deepEqual(body, [words('Before'), words('After')]);
    assert.equal(warnings.length, 2);
    assert.ok(mentions(warnings, 'hr'));
    assert.ok(mentions(warnings, 'latest-posts'));
  });

  it('sanitises a custom HTML block like any HTML', () => {
    const { body, warnings } = convert(`
<!-- wp:html -->
<div class="box"><p>Call <a href="tel:123">us</a></p><script>track()</script><style>.box{}</style></div>
<!-- /wp:html -->`);
    assert.deepEqual(body, [words('Call us')]);
    assert.ok(mentions(warnings, 'script'));
    assert.ok(mentions(warnings, 'style'));
  });

  it('keeps newlines inside a block as spaces: block markup holds its own line breaks', () => {
    const { body } = convert('<!-- wp:paragraph -->\n<p>One\nsentence,<br>then a break</p>\n<!-- /wp:paragraph -->');
    assert.deepEqual(body, [words('One sentence,\nthen a break')]);
  });
});

describe('convertWordPressBody: classic posts', () => {
  it('follows wpautop: blank lines end paragraphs, a newline is a line break, block tags stand alone', () => {
    const { body } = convert(
      'First paragraph,\nsame paragraph.\n\n<h3>A heading</h3>\nSecond <em>paragraph</em>.<br />\nAfter a break.\n\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nLast.',
    );
    assert.deepEqual(body, [
      words('First paragraph,\nsame paragraph.'),
      { type: 'heading', text: 'A heading' },
      paragraph({ text: 'Second ' }, { text: 'paragraph', marks: ['em'] }, { text: '.\nAfter a break.' }),
      { type: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] },
      words('Last.'),
    ]);
  });

  it('makes an embed of a URL alone on its line, but not of one inside a sentence', () => {
    const { body } = convert('Watch this:\nhttps://www.youtube.com/watch?v=abc\nor read https://example.org/story.\n\n<p>https://vimeo.com/123</p>');
    assert.deepEqual(body, [
      words('Watch this:'),
      link('https://www.youtube.com/watch?v=abc'),
      words('or read https://example.org/story.'),
      link('https://vimeo.com/123'),
    ]);
  });

  it('treats text between blocks of a block-editor post by the classic rules', () => {
    const { body } = convert('Line one\nline two\n\nNext\n<!-- wp:paragraph --><p>A block</p><!-- /wp:paragraph -->');
    assert.deepEqual(body, [words('Line one\nline two'), words('Next'), words('A block')]);
  });
});

describe('convertWordPressBody: shortcodes', () => {
  it('makes a figure of a caption shortcode, with its caption and credit', () => {
    const { body, images } = convert(
      'Intro.\n\n[caption id="attachment_12" align="aligncenter" width="640"]<a href="https://old.example/big.jpg"><img class="size-large wp-image-12" src="https://old.example/m-640.jpg" alt="Traders" width="640" height="427" /></a> Market day in the old town (Photo: Jane Doe)[/caption]\n\nOutro.',
    );
    assert.deepEqual(body, [words('Intro.'), figure(0), words('Outro.')]);
    assert.deepEqual(images, [
      { url: ATTACHMENTS['12']!.url, alt: 'Traders', caption: 'Market day in the old town', credit: 'Jane Doe', attachmentId: '12' },
    ]);
  });

  it('reads the caption attribute of older caption shortcodes, and images with no known attachment', () => {
    const { images } = convert(
      '[caption id="attachment_99" caption="A quiet street"]<img src="https://old.example/street.jpg" alt="" />[/caption]',
      {},
    );
    assert.deepEqual(images, [{ url: 'https://old.example/street.jpg', alt: '', caption: 'A quiet street', credit: '', attachmentId: '99' }]);
  });

  it('makes figures of a gallery shortcode from its attachments, warning of missing ones', () => {
    const { body, images, warnings } = convert('[gallery ids="12, 13,404" columns="3"]');
    assert.deepEqual(body, [figure(0), figure(1)]);
    assert.deepEqual(
      images.map((image) => image.attachmentId),
      ['12', '13'],
    );
    assert.equal(images[0]?.alt, 'The market at dawn');
    assert.equal(warnings.length, 1);
    assert.ok(mentions(warnings, '404'));
  });

  it('turns an embed shortcode into a link paragraph', () => {
    const { body } = convert('[embed width="500"]https://vimeo.com/123[/embed]');
    assert.deepEqual(body, [link('https://vimeo.com/123')]);
  });

  it('removes other shortcodes with a warning naming each, keeping the words they enclose', () => {
    const { body, warnings } = convert(
      'Before [contact-form-7 id="5" title="Contact"] and [note type="info"]the <em>kept</em> words[/note] after [clear /].',
    );
    assert.deepEqual(body, [paragraph({ text: 'Before and the ' }, { text: 'kept', marks: ['em'] }, { text: ' words after .' })]);
    assert.equal(warnings.length, 3);
    for (const name of ['contact-form-7', 'note', 'clear']) assert.ok(mentions(warnings, `[${name}]`), name);
  });

  it('leaves brackets that are not shortcodes as text, and writes an escaped shortcode as text', () => {
    const { body, warnings } = convert('He said it "was fine" [sic] and cited [1], [a] and [Update: none]. [[gallery ids="1"]] shows a gallery.');
    assert.deepEqual(body, [words('He said it "was fine" [sic] and cited [1], [a] and [Update: none]. [gallery ids="1"] shows a gallery.')]);
    assert.deepEqual(warnings, []);
  });

  it('replaces audio and video shortcodes with a link to the file', () => {
    const { body } = convert('[video width="640" mp4="https://old.example/clip.mp4"][/video]\n\n[audio src="https://old.example/talk.mp3"]');
    assert.deepEqual(body, [link('https://old.example/clip.mp4'), link('https://old.example/talk.mp3')]);
  });
});

describe('convertWordPressBody: captions and credits', () => {
  const cases: [caption: string, expected: { caption: string; credit: string }][] = [
    ['Protesters march (Photo: Jane Doe)', { caption: 'Protesters march', credit: 'Jane Doe' }],
    ['Protesters march / Photo: Jane Doe', { caption: 'Protesters march', credit: 'Jane Doe' }],
    ['Protesters march — Photo: Jane Doe/Reuters', { caption: 'Protesters march', credit: 'Jane Doe/Reuters' }],
    ['Protesters march. Photograph by Jane Doe', { caption: 'Protesters march.', credit: 'Jane Doe' }],
    ['Protesters march © Jane Doe', { caption: 'Protesters march', credit: 'Jane Doe' }],
    ['Protesters march. Credit: Jane Doe', { caption: 'Protesters march.', credit: 'Jane Doe' }],
    ['Photo: Jane Doe', { caption: 'Stalls open at five', credit: 'Jane Doe' }],
    ['Protesters march on the capital', { caption: 'Protesters march on the capital', credit: 'Ana Ruiz' }],
    ['Photo-finish at the regatta', { caption: 'Photo-finish at the regatta', credit: 'Ana Ruiz' }],
    ['Clause (c) of the treaty', { caption: 'Clause (c) of the treaty', credit: 'Ana Ruiz' }],
    ['The treaty signed (c) 2020 Reuters', { caption: 'The treaty signed', credit: '2020 Reuters' }],
  ];
  for (const [caption, expected] of cases) {
    it(`reads "${caption}"`, () => {
      const { images } = convert(`<figure><img src="https://a.example/x.jpg" class="wp-image-12"><figcaption>${caption}</figcaption></figure>`);
      assert.deepEqual({ caption: images[0]?.caption, credit: images[0]?.credit }, expected);
    });
  }

  it('takes a credit marked up apart: <cite>, <small> or a .credit span', () => {
    for (const markup of [
      '<cite>Jane Doe</cite>',
      '<small>Photo: Jane Doe</small>',
      '<span class="credit">(Jane Doe)</span>',
      '<span class="wp-caption-credit">Jane Doe</span>',
    ]) {
      const { images } = convert(`<figure><img src="https://a.example/x.jpg"><figcaption>A street ${markup}</figcaption></figure>`);
      assert.deepEqual({ caption: images[0]?.caption, credit: images[0]?.credit }, { caption: 'A street', credit: 'Jane Doe' }, markup);
    }
  });

  it("falls back to the attachment's alt, caption and credit, else to empty ones", () => {
    const { images } = convert('<img src="https://a.example/1.jpg" class="wp-image-14"><img src="https://a.example/2.jpg">');
    assert.deepEqual(images, [
      { url: ATTACHMENTS['14']!.url, alt: '', caption: 'The pier', credit: 'Lee Chan', attachmentId: '14' },
      { url: 'https://a.example/2.jpg', alt: '', caption: '', credit: '', attachmentId: null },
    ]);
  });

  it("reads WordPress's older rendered caption markup", () => {
    const { body, images } = convert(
      '<div id="attachment_13" class="wp-caption alignleft"><img class="wp-image-13" src="https://a.example/h.jpg" alt="Boats"><p class="wp-caption-text">Boats at rest © Sam Ode</p></div>',
    );
    assert.deepEqual(body, [figure(0)]);
    assert.deepEqual({ caption: images[0]?.caption, credit: images[0]?.credit }, { caption: 'Boats at rest', credit: 'Sam Ode' });
  });
});

describe('convertWordPressBody: inline text', () => {
  it('maps em/i and strong/b to marks, both to both, and merges neighbours with the same format', () => {
    const { body } = convert('<p><i>a</i><em>b</em> <b>c<i>d</i></b><strong><em>e</em></strong></p>');
    assert.deepEqual(body, [
      paragraph({ text: 'ab', marks: ['em'] }, { text: ' ' }, { text: 'c', marks: ['strong'] }, { text: 'de', marks: ['em', 'strong'] }),
    ]);
  });

  it('keeps safe links, upgrades protocol-relative ones, drops others with their words kept', () => {
    const { body, warnings } = convert(
      '<p><a href="https://a.example/x">a</a> <a href="/about">b</a> <a href="mailto:desk@a.example">c</a> <a href="//cdn.example/f">d</a> <a href="foo.html">e</a> <a href="javascript:alert(1)">f</a> <a href="#top">g</a> <a name="x">h</a></p>',
    );
    assert.deepEqual(body, [
      paragraph(
        { text: 'a', href: 'https://a.example/x' },
        { text: ' ' },
        { text: 'b', href: '/about' },
        { text: ' ' },
        { text: 'c', href: 'mailto:desk@a.example' },
        { text: ' ' },
        { text: 'd', href: 'https://cdn.example/f' },
        { text: ' e f g h' },
      ),
    ]);
    assert.equal(warnings.length, 1, 'one sentence, with a count');
  });

  it('keeps the words of other inline tags, collapses whitespace as a browser does, keeps <br> breaks', () => {
    const { body } = convert(
      '<!-- wp:paragraph --><p>  H<sub>2</sub>O   and <span class="x">E=mc<sup>2</sup></span>,\t<code>x</code>, <abbr>NATO</abbr> <u>u</u> <mark>m</mark> <small>s</small> <br>  next  line  </p><!-- /wp:paragraph -->',
    );
    assert.deepEqual(body, [words('H2O and E=mc2, x, NATO u m s\nnext line')]);
  });

  it('drops empty paragraphs, WordPress&apos;s &nbsp; ones included', () => {
    const { body } = convert('<p></p><p> </p><p>&nbsp;</p><p><br></p><p><em> </em></p><p>Kept</p>');
    assert.deepEqual(body, [words('Kept')]);
  });

  it('turns emoji images into their characters and drops tracking pixels', () => {
    const { body, images } = convert(
      '<p>Done <img class="wp-smiley" src="https://s.w.org/smile.png" alt="🙂"> <img src="https://t.example/p.gif" width="1" height="1"></p>',
    );
    assert.deepEqual(body, [words('Done 🙂')]);
    assert.deepEqual(images, []);
  });
});

describe('convertWordPressBody: elements the body has no place for', () => {
  it('drops code, styling, forms and players with a warning naming each, never keeping their markup', () => {
    const { body, warnings } = convert(
      '<p>Text</p><script>alert(1)</script><style>p{}</style><object data="x.swf"></object><embed src="x.swf"><form><input name="q"><p>Search</p></form><svg><text>Logo</text></svg>',
    );
    assert.deepEqual(body, [words('Text')]);
    for (const name of ['script', 'style', 'object', 'embed', 'form', 'svg']) assert.ok(mentions(warnings, `<${name}>`), name);
  });

  it('leaves a link to the address of an iframe, video or audio player', () => {
    const { body, warnings } = convert(
      '<iframe src="https://www.youtube.com/embed/abc" width="560"></iframe><iframe src="javascript:x"></iframe><video controls><source src="https://a.example/v.mp4" type="video/mp4"></video><audio src="//a.example/a.mp3"></audio>',
    );
    assert.deepEqual(body, [link('https://www.youtube.com/embed/abc'), link('https://a.example/v.mp4'), link('https://a.example/a.mp3')]);
    assert.ok(mentions(warnings, 'iframe'));
    assert.ok(mentions(warnings, 'video'));
  });

  it('keeps each table row as a paragraph of its cells, with one warning per table', () => {
    const { body, warnings } = convert(
      '<table><thead><tr><th>Team</th><th>Points</th></tr></thead><tbody><tr><td><a href="https://a.example/t">Reds</a></td><td><strong>12</strong></td></tr><tr><td>Blues</td><td></td></tr></tbody></table>',
    );
    assert.deepEqual(body, [
      words('Team · Points'),
      paragraph({ text: 'Reds', href: 'https://a.example/t' }, { text: ' · ' }, { text: '12', marks: ['strong'] }),
      words('Blues'),
    ]);
    assert.equal(warnings.length, 1);
    assert.ok(mentions(warnings, 'table'));
  });

  it('keeps the line breaks and indentation of <pre> and code blocks', () => {
    const { body } = convert(
      '<!-- wp:code --><pre class="wp-block-code"><code>if (a) {\n  b();\n}</code></pre><!-- /wp:code --><p><code>one\ntwo</code></p>',
    );
    assert.deepEqual(body, [words('if (a) {\n  b();\n}'), words('one\ntwo')]);
  });

  it('makes headings of h1–h6, without their marks', () => {
    const { body } = convert('<h1>One</h1><h2><em>Two</em></h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six<br>lines</h6>');
    assert.deepEqual(
      body,
      ['One', 'Two', 'Three', 'Four', 'Five', 'Six lines'].map((text) => ({ type: 'heading', text })),
    );
  });

  it('reads a quote of several paragraphs, attributed by a last line starting with a dash', () => {
    const { body } = convert(
      '<blockquote><p>First.</p><p>Second.<br>— Ana Ruiz, mayor</p></blockquote><blockquote>Just words\n- not an attribution</blockquote>',
    );
    assert.deepEqual(body, [
      { type: 'quote', text: 'First.\n\nSecond.', attribution: 'Ana Ruiz, mayor' },
      { type: 'quote', text: 'Just words', attribution: 'not an attribution' },
    ]);
    const alone = convert('<blockquote><p>— only a dash line</p></blockquote>');
    assert.deepEqual(alone.body, [{ type: 'quote', text: '— only a dash line' }]);
  });

  it('drops images whose address cannot be fetched', () => {
    const { body, images, warnings } = convert(
      '<img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><img src="photo.jpg"><img alt="none">',
    );
    assert.deepEqual(body, []);
    assert.deepEqual(images, []);
    assert.ok(warnings.length >= 2);
  });
});

describe('convertWordPressBody: limits and broken input', () => {
  it('strips control characters with a warning, and normalises to NFC', () => {
    const { body, warnings } = convert('<p>Cafe\u0301 a\u0000b&#1;c\u0007 \u0085d&#x7f;</p>');
    assert.deepEqual(body, [words('Café abc d')]);
    assert.equal(warnings.length, 1);
  });

  it('splits text over 10,000 characters into runs without losing a word, and a paragraph of over 500 runs into several', () => {
    const long = 'word '.repeat(5000).trim();
    const one = convert(`<p>${long}</p>`);
    assert.equal(one.body.length, 1);
    const content = one.body[0]?.type === 'paragraph' ? one.body[0].content : [];
    assert.ok(content.length > 1 && content.every((run) => [...run.text].length <= 10_000));
    assert.equal(content.map((run) => run.text).join(''), long);

    const many = convert(`<p>${'<b>x</b>y'.repeat(300)}</p>`);
    assert.deepEqual(
      many.body.map((block) => (block.type === 'paragraph' ? block.content.length : 0)),
      [500, 100],
    );
    assert.equal(many.warnings.length, 1);
  });

  it('keeps an over-long heading as a paragraph, splits an over-long quote, shortens an over-long attribution', () => {
    const heading = 'Long '.repeat(100).trim();
    const quote = Array.from({ length: 3 }, (_, index) => `${index} ${'quoted words '.repeat(100).trim()}`).join('\n\n');
    const { body, warnings } = convert(`<h2>${heading}</h2><blockquote>${quote}\n\n— ${'Name '.repeat(100)}</blockquote>`);
    assert.deepEqual(body[0], words(heading));
    const quotes = body.filter((block) => block.type === 'quote');
    assert.equal(quotes.length, 3, 'each paragraph of about 1,300 characters is a quote of its own');
    assert.equal(quotes.map((block) => block.text).join('\n\n'), quote);
    assert.deepEqual(
      quotes.map((block) => block.attribution === undefined),
      [true, true, false],
      'the speaker is named under the last part',
    );
    const attribution = quotes[2]?.attribution ?? '';
    assert.ok(attribution.endsWith('…') && [...attribution].length <= 300);
    assert.equal(warnings.length, 3);
  });

  it('splits a list of over 200 items', () => {
    const { body } = convert(`<ol>${'<li>item</li>'.repeat(450)}</ol>`);
    assert.deepEqual(
      body.map((block) => (block.type === 'list' ? block.items.length : 0)),
      [200, 200, 50],
    );
  });

  it('stops at 2,000 blocks with a warning, and lists only the images of the figures kept', () => {
    const { body, images, warnings } = convert(
      `${'<p>x</p>'.repeat(1999)}<img src="https://a.example/kept.jpg">${'<img src="https://a.example/cut.jpg">'.repeat(5)}<p>y</p>`,
    );
    assert.equal(body.length, 2000);
    assert.deepEqual(
      images.map((image) => image.url),
      ['https://a.example/kept.jpg'],
    );
    assert.equal(warnings.length, 1);
  });

  it('reads broken HTML without throwing', () => {
    for (const html of [
      '<p>Unclosed <em>em <strong>strong',
      '</div></div><p>Stray closers</p></span></blockquote></li>',
      '<ul><li>One<li>Two</ul></ul></ol><p>After',
      '<table><td>cell<tr>row</table></table>',
      '<figure><figcaption>No image</figcaption>',
      '<blockquote><cite>Only a name</cite></blockquote>',
      '<a href="https://a.example"><p>Block in a link</p></a>',
      '<p>a <!-- unclosed comment',
      '<<<>>> <a <b <img src=',
      '<!-- wp:image {"id": broken json} --><img src="https://a.example/x.jpg"><!-- /wp:image --><!-- /wp:never-opened -->',
      '[caption]no closing [gallery ids=[/caption]',
    ]) {
      assert.doesNotThrow(() => convert(html), html);
    }
  });

  it('yields a valid body quickly from hostile input', () => {
    const hostile = [
      '<div>'.repeat(10_000) + 'deep' + '</div>'.repeat(10_000),
      '<b><i><span>'.repeat(10_000) + 'deep',
      '<blockquote><ul><li><table><tr><td><figure>'.repeat(2_000) + 'deep',
      'word '.repeat(1_000_000),
      `<!-- wp:paragraph --><p>${'x'.repeat(5_000_000)}</p><!-- /wp:paragraph -->`,
      '<p>before<script>document.write("<p>injected</p>")</script>after</p>',
      '<img src="javascript:alert(1)"><img src=" JaVaScRiPt:alert(1)">',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>',
      '[x '.repeat(1_000_000),
    ];
    for (const html of hostile) {
      const started = performance.now();
      const result = convertWordPressBody(html);
      const elapsed = performance.now() - started;
      // A guard against super-linear blow-ups (minutes on these inputs), not a speed figure: a loaded
      // CI machine takes over a second on a million words, so the bound is generous.
      assert.ok(elapsed < 10_000, `${html.slice(0, 40)}…: ${Math.round(elapsed)} ms`);
      assertValid(result);
      const text = JSON.stringify(result.body);
      assert.doesNotMatch(text, /<script|injected|javascript:|data:/i);
    }
  });
});

describe('resolveBodyImages', () => {
  it('swaps each image figure for its media id and drops those without one', () => {
    const body: ArticleBody = [figure(0), words('text'), figure(1), { type: 'figure', mediaId: 'already-stored' }, figure(2)];
    const ids = ['media-a', null, 'media-c'];
    assert.deepEqual(
      resolveBodyImages(body, (index) => ids[index] ?? null),
      [{ type: 'figure', mediaId: 'media-a' }, words('text'), { type: 'figure', mediaId: 'already-stored' }, { type: 'figure', mediaId: 'media-c' }],
    );
  });
});
