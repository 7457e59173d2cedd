import type { DemoScene } from './content/demo-content.types.js';

/**
 * Draws the demo's illustrations from simple shapes, locally, so the demo needs no stock photos.
 * Each image is seeded by a string, so a story always gets the same picture.
 */
export const IMAGE_WIDTH = 1600;
export const IMAGE_HEIGHT = 900;

const PALETTES = [
  { sky: ['#0b2545', '#e07a5f'], ground: '#13315c', accent: '#f2cc8f', light: '#f4f1de', name: 'navy and coral' },
  { sky: ['#1d3557', '#a8dadc'], ground: '#264653', accent: '#e9c46a', light: '#f1faee', name: 'blue and pale teal' },
  { sky: ['#3d405b', '#f4a261'], ground: '#2a2d43', accent: '#e76f51', light: '#fefae0', name: 'slate and amber' },
  { sky: ['#14213d', '#5e548e'], ground: '#0d1b2a', accent: '#fca311', light: '#e5e5e5', name: 'midnight and violet' },
  { sky: ['#2d6a4f', '#b7e4c7'], ground: '#1b4332', accent: '#ffb703', light: '#f8f9fa', name: 'green and mint' },
  { sky: ['#6d597a', '#eaac8b'], ground: '#355070', accent: '#e56b6f', light: '#fff1e6', name: 'plum and peach' },
] as const;

type Palette = (typeof PALETTES)[number];

const SCENE_DESCRIPTIONS: Record<DemoScene, string> = {
  skyline: 'a city skyline of tall towers',
  harbor: 'a harbour with container cranes and a ship',
  mountains: 'layered mountain ridges under a low sun',
  'chart-up': 'a rising line chart over a grid',
  'chart-down': 'a falling line chart over a grid',
  sea: 'rolling sea waves under a wide sky',
  fields: 'striped farm fields running to the horizon',
  podium: 'a speaker’s podium before rows of seats',
  rail: 'a train crossing a viaduct',
  forest: 'a forest of pine trees on a hillside',
  bridge: 'a suspension bridge across a river',
  'night-city': 'a city at night with lit windows',
};

/** The same pictures described for the Korean edition's readers (its stories' alt text is in Korean). */
const SCENE_DESCRIPTIONS_KO: Record<DemoScene, string> = {
  skyline: '고층 빌딩이 늘어선 도시 스카이라인',
  harbor: '컨테이너 크레인과 배가 있는 항구',
  mountains: '낮게 뜬 해 아래 겹겹이 이어진 산등성이',
  'chart-up': '격자 위로 올라가는 꺾은선 그래프',
  'chart-down': '격자 위로 내려가는 꺾은선 그래프',
  sea: '넓은 하늘 아래 넘실대는 바다 물결',
  fields: '지평선까지 줄지어 뻗은 농지',
  podium: '줄지어 놓인 좌석 앞의 연설대',
  rail: '고가 철교를 건너는 열차',
  forest: '언덕을 덮은 소나무 숲',
  bridge: '강을 가로지르는 현수교',
  'night-city': '창마다 불이 켜진 밤의 도시',
};

/** The Korean alt text of a scene's illustration. */
export function koreanAlt(scene: DemoScene): string {
  const words = SCENE_DESCRIPTIONS_KO[scene];
  // The object particle follows the last syllable: 을 after a final consonant, 를 after a vowel.
  const last = words.charCodeAt(words.length - 1) - 0xac00;
  return `${words}${last % 28 === 0 ? '를' : '을'} 그린 일러스트.`;
}

export interface DemoIllustration {
  svg: string;
  alt: string;
}

export function drawIllustration(scene: DemoScene, seed: string): DemoIllustration {
  const random = seededRandom(seed);
  const palette = PALETTES[Math.floor(random() * PALETTES.length)] ?? PALETTES[0];
  const shapes = SCENES[scene](random, palette);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient></defs>
<rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="url(#sky)"/>${shapes}</svg>`;
  return { svg, alt: `Illustration of ${SCENE_DESCRIPTIONS[scene]}, in ${palette.name}.` };
}

type Random = () => number;

const SCENES: Record<DemoScene, (random: Random, p: Palette) => string> = {
  skyline: (random, p) => {
    let x = 0;
    let out = `<circle cx="${300 + random() * 1000}" cy="220" r="90" fill="${p.accent}" opacity="0.85"/>`;
    while (x < IMAGE_WIDTH) {
      const w = 70 + random() * 110;
      const h = 220 + random() * 420;
      out += `<rect x="${x}" y="${IMAGE_HEIGHT - h}" width="${w}" height="${h}" fill="${p.ground}" opacity="${0.75 + random() * 0.25}"/>`;
      x += w + 6;
    }
    return out;
  },
  'night-city': (random, p) => {
    let x = 0;
    let out = `<rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="#05070f" opacity="0.55"/>`;
    while (x < IMAGE_WIDTH) {
      const w = 80 + random() * 120;
      const h = 250 + random() * 450;
      out += `<rect x="${x}" y="${IMAGE_HEIGHT - h}" width="${w}" height="${h}" fill="${p.ground}"/>`;
      for (let wy = IMAGE_HEIGHT - h + 20; wy < IMAGE_HEIGHT - 20; wy += 36) {
        for (let wx = x + 12; wx < x + w - 20; wx += 28) {
          if (random() < 0.45) out += `<rect x="${wx}" y="${wy}" width="14" height="18" fill="${p.accent}" opacity="0.9"/>`;
        }
      }
      x += w + 8;
    }
    return out;
  },
  harbor: (random, p) => {
    let out = `<rect y="620" width="${IMAGE_WIDTH}" height="280" fill="${p.ground}"/>`;
    for (let i = 0; i < 4; i++) {
      const x = 150 + i * 330 + random() * 60;
      out += `<path d="M${x} 620 V240 h30 V620 Z M${x} 260 h260 v24 h-260 Z M${x + 220} 284 v120" stroke="${p.light}" stroke-width="10" fill="${p.light}"/>`;
    }
    out += `<path d="M260 640 h1000 l-80 110 h-840 Z" fill="${p.accent}"/>`;
    for (let i = 0; i < 14; i++) {
      out += `<rect x="${320 + i * 62}" y="${570 + (i % 3) * 8}" width="58" height="${70 - (i % 3) * 8}" fill="${i % 2 ? p.light : p.sky[1]}"/>`;
    }
    return out;
  },
  mountains: (random, p) => {
    let out = `<circle cx="${1100 + random() * 200}" cy="300" r="110" fill="${p.accent}"/>`;
    for (let layer = 0; layer < 4; layer++) {
      let d = `M0 ${IMAGE_HEIGHT} L0 ${520 + layer * 90}`;
      for (let x = 0; x <= IMAGE_WIDTH; x += 200) d += ` L${x + 100} ${360 + layer * 100 + random() * 140} L${x + 200} ${500 + layer * 90}`;
      out += `<path d="${d} L${IMAGE_WIDTH} ${IMAGE_HEIGHT} Z" fill="${p.ground}" opacity="${0.4 + layer * 0.2}"/>`;
    }
    return out;
  },
  'chart-up': (random, p) => chart(random, p, 1),
  'chart-down': (random, p) => chart(random, p, -1),
  sea: (random, p) => {
    let out = `<circle cx="${400 + random() * 800}" cy="330" r="120" fill="${p.accent}" opacity="0.9"/>`;
    for (let row = 0; row < 6; row++) {
      const y = 520 + row * 70;
      let d = `M0 ${y}`;
      for (let x = 0; x < IMAGE_WIDTH; x += 160) d += ` q40 -${30 + random() * 20} 80 0 t80 0`;
      out += `<path d="${d} V${IMAGE_HEIGHT} H0 Z" fill="${p.ground}" opacity="${0.35 + row * 0.12}"/>`;
    }
    return out;
  },
  fields: (random, p) => {
    let out = `<circle cx="${200 + random() * 1200}" cy="210" r="80" fill="${p.light}" opacity="0.9"/>`;
    const colors = [p.ground, p.accent, p.sky[1], p.light];
    for (let i = 0; i < 12; i++) {
      out += `<path d="M${800 + (i - 6) * 30} 480 L${-600 + i * 250} ${IMAGE_HEIGHT} L${-350 + i * 250} ${IMAGE_HEIGHT} Z" fill="${colors[i % colors.length]}" opacity="0.9"/>`;
    }
    return out;
  },
  podium: (random, p) => {
    let out = `<rect y="560" width="${IMAGE_WIDTH}" height="340" fill="${p.ground}"/>`;
    for (let row = 0; row < 4; row++) {
      for (let seat = 0; seat < 18; seat++) {
        out += `<rect x="${40 + seat * 88 + (row % 2) * 40}" y="${650 + row * 60}" width="60" height="40" rx="8" fill="${p.sky[0]}" opacity="${0.6 + random() * 0.4}"/>`;
      }
    }
    out += `<path d="M700 300 h200 l-30 260 h-140 Z" fill="${p.accent}"/><rect x="680" y="280" width="240" height="30" fill="${p.light}"/>`;
    out += `<rect x="795" y="200" width="10" height="80" fill="${p.light}"/><circle cx="800" cy="195" r="16" fill="${p.light}"/>`;
    return out;
  },
  rail: (random, p) => {
    let out = `<rect y="700" width="${IMAGE_WIDTH}" height="200" fill="${p.ground}"/>`;
    for (let i = 0; i < 9; i++) out += `<path d="M${i * 200} 900 V560 a100 100 0 0 1 200 0 V900 Z" fill="${p.sky[0]}" opacity="0.85"/>`;
    out += `<rect y="520" width="${IMAGE_WIDTH}" height="40" fill="${p.ground}"/>`;
    const start = 150 + random() * 300;
    out += `<path d="M${start} 515 h900 q80 0 110 -60 v-60 h-1010 Z" fill="${p.light}"/>`;
    for (let i = 0; i < 12; i++) out += `<rect x="${start + 30 + i * 80}" y="420" width="50" height="40" fill="${p.sky[0]}"/>`;
    return out;
  },
  forest: (random, p) => {
    let out = `<path d="M0 600 Q800 420 1600 620 V900 H0 Z" fill="${p.ground}"/>`;
    for (let i = 0; i < 40; i++) {
      const x = random() * IMAGE_WIDTH;
      const base = 620 + random() * 260;
      const h = 140 + random() * 200;
      out += `<path d="M${x} ${base - h} L${x - h / 3} ${base} H${x + h / 3} Z" fill="${i % 3 ? p.ground : p.sky[0]}" opacity="${0.7 + random() * 0.3}"/>`;
    }
    return out;
  },
  bridge: (random, p) => {
    let out = `<rect y="640" width="${IMAGE_WIDTH}" height="260" fill="${p.ground}"/>`;
    const towers = [420, 1180];
    for (const x of towers) out += `<rect x="${x - 20}" y="220" width="40" height="440" fill="${p.light}"/>`;
    out += `<path d="M0 560 Q420 200 420 230 Q800 560 1180 230 Q1180 200 1600 560" stroke="${p.light}" stroke-width="10" fill="none"/>`;
    for (let x = 40; x < IMAGE_WIDTH; x += 60)
      out += `<rect x="${x}" y="${300 + Math.abs(((x % 760) - 380) / 2)}" width="3" height="260" fill="${p.light}" opacity="0.7"/>`;
    out += `<rect y="560" width="${IMAGE_WIDTH}" height="26" fill="${p.accent}"/>`;
    out += `<circle cx="${200 + random() * 1200}" cy="160" r="60" fill="${p.accent}" opacity="0.8"/>`;
    return out;
  },
};

function chart(random: Random, p: Palette, direction: 1 | -1): string {
  let out = `<rect x="120" y="120" width="1360" height="660" fill="${p.light}" opacity="0.12"/>`;
  for (let y = 180; y < 780; y += 100) out += `<rect x="120" y="${y}" width="1360" height="2" fill="${p.light}" opacity="0.35"/>`;
  const points: string[] = [];
  for (let i = 0; i <= 12; i++) {
    const trend = direction === 1 ? 700 - i * 40 : 240 + i * 40;
    points.push(`${120 + i * 113},${Math.max(150, Math.min(760, trend + (random() - 0.5) * 120))}`);
  }
  for (let i = 0; i < 12; i++) {
    const h = 60 + random() * 160;
    out += `<rect x="${140 + i * 113}" y="${780 - h}" width="70" height="${h}" fill="${p.ground}" opacity="0.7"/>`;
  }
  out += `<polyline points="${points.join(' ')}" fill="none" stroke="${p.accent}" stroke-width="14" stroke-linejoin="round"/>`;
  return out;
}

/** A small deterministic generator (mulberry32) seeded from a string hash. */
export function seededRandom(seed: string): Random {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
