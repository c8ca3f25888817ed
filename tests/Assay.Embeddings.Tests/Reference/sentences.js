// The sentences the fidelity test embeds in both Node (TensorFlow.js, the reference) and C#.
// Grouped by what each group exercises; every string is kept exactly as written here.
"use strict";

const everyday = [
  "The quarterly report shows revenue grew by eight percent.",
  "Please reset my password, I can't log in.",
  "How do I cancel my subscription?",
  "The meeting has been moved to Thursday afternoon.",
  "Our new model answers customer questions faster than the old one.",
  "The loan was approved after the credit check.",
  "Interest rates are expected to rise next year.",
  "She walked her dog along the river every morning.",
  "A cat is sleeping on the warm windowsill.",
  "The delivery arrived two days late and the box was damaged.",
  "I would like a refund for the broken headphones.",
  "Can you summarize this document in three sentences?",
  "The hospital opened a new wing for children.",
  "Machine learning models need careful evaluation before deployment.",
  "The train to Berlin leaves at half past six.",
  "He forgot his umbrella and got soaked in the rain.",
  "Customers complained about the long waiting times on the phone.",
  "The central bank kept its policy rate unchanged.",
  "Our team migrated the service to a cheaper language model.",
  "What is the capital of Australia?",
  "Canberra is the capital of Australia.",
  "The chef added a pinch of salt to the soup.",
  "Stock markets fell sharply after the announcement.",
  "The software update fixed the battery drain problem.",
  "Children learn languages more easily than adults.",
  "The museum is closed on Mondays.",
  "Please find attached the signed contract.",
  "The borrower missed three consecutive payments.",
  "Solar panels convert sunlight into electricity.",
  "I think the movie was too long but the music was great.",
  "The invoice total does not match the purchase order.",
  "Our support chatbot escalates angry customers to a human agent.",
  "The weather will be sunny with a light breeze.",
  "Retrieval-augmented generation grounds answers in documents.",
  "My flight was cancelled because of the storm.",
  "The committee will publish its decision next week.",
  "Water boils at one hundred degrees Celsius at sea level.",
  "He plays the violin in a small orchestra.",
  "The company is hiring software engineers in Lisbon.",
  "Fraudulent transactions were flagged by the monitoring system.",
];

const short = [
  "", " ", "  ", "\t", "\n", "a", "I", "OK", "ok", "Hi", "hello", "Hello", "HELLO", "yes", "no", "?", "!", ".", "...",
  "the", "The", "cat", "dog", "bank", "money", "thanks!", "Thank you", "good morning", "x", "42", "0", "-", "'", "\"",
];

const punctuation = [
  "Wait... what?!",
  "Well, well, well: look who's here.",
  "(a) first; [b] second; {c} third.",
  "e-mail: john.doe@example.com",
  "Visit https://www.example.org/path?query=1&x=y#frag for details.",
  "int x = 42; return x * 2;",
  "SELECT * FROM loans WHERE amount > 1000;",
  "--- *** ### !!! ???",
  "\"Quoted\" and 'single-quoted' and `back-ticked`.",
  "Don't, won't, can't, shouldn't've.",
  "C:\\Users\\admin\\Documents\\report.docx",
  "#hashtag @mention $TICKER %percent ^caret &amp;",
  "A/B testing, pros/cons, and/or, either/or.",
  "The price is: €15 (approx. £13 or ¥2,100).",
  "Semi;colons;everywhere;without;spaces",
  "«Guillemets» and „German quotes“ and “curly quotes”.",
  "Em—dash and en–dash and hyphen-minus.",
  "Ellipsis… as one character.",
  "<html><body>Hello</body></html>",
  "key1=value1&key2=value2",
];

const digits = [
  "Invoice #12345 is due on 2024-03-15 for $1,299.99.",
  "Pi is approximately 3.14159265358979.",
  "Call me at +1 (555) 123-4567 after 5pm.",
  "The population grew from 1,234,567 to 2,345,678 in 10 years.",
  "Version 2.0.1-beta.3 was released on 01/02/2023.",
  "0.001 0.01 0.1 1 10 100 1000 10000",
  "Room 101, floor 3, building 7B.",
  "The temperature dropped to -12.5°C overnight.",
  "1st, 2nd, 3rd, 4th and 21st place.",
  "Account 4111 1111 1111 1111 expires 12/29.",
  "The ratio was 3:2 and the odds 7-to-1.",
  "In 1969, Apollo 11 landed on the Moon.",
  "42",
  "1234567890",
  "IPv4 192.168.0.1 and port 8080.",
];

const accents = [
  "Ça va très bien, merci beaucoup !",
  "El niño comió una manzana en el jardín.",
  "Größe, Straße und Übermut sind deutsche Wörter.",
  "naïve café résumé fiancée déjà vu",
  "São Paulo é a maior cidade do Brasil.",
  "Zürich, Malmö, Kraków, Ålesund, Tórshavn",
  "Tiếng Việt có nhiều dấu thanh.",
  "Dziękuję bardzo za pomoc.",
  "İstanbul'da ılık bir gün.",
  "Crème brûlée à la française.",
  "Señor Muñoz pidió piña colada.",
  "Þórr og Óðinn eru norræn goð.",
  "e\u0301le\u0300ve (decomposed accents)",
  "A\u030Angstro\u0308m with combining marks",
  "Ærøskøbing ligger på Ærø.",
];

const otherScripts = [
  "Москва — столица России.",
  "北京是中国的首都。",
  "東京は日本の首都です。",
  "안녕하세요, 만나서 반갑습니다.",
  "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.",
  "مرحبا بالعالم",
  "שלום עולם",
  "नमस्ते दुनिया",
  "สวัสดีครับ",
  "Hello 世界 and привет мир together.",
];

const emoji = [
  "I love it 😍🔥",
  "😀",
  "👍🏽 great job!",
  "Family: 👩‍👩‍👧‍👦",
  "Flags 🇫🇷 🇩🇪 🇯🇵",
  "Rocket to the moon 🚀🌕✨",
  "♥ ☺ ★ ☀ ☂",
  "The 🐈 sat on the 🧶.",
  "𝔉𝔯𝔞𝔨𝔱𝔲𝔯 math letters 𝐁𝐨𝐥𝐝",
  "Smile :) and frown :( and wink ;-)",
];

const compatibility = [
  "ＡＢＣ１２３ full-width letters",
  "ﬁnance and ﬂow with ligatures",
  "① ② ③ circled numbers",
  "½ cup of sugar and ¼ teaspoon of salt",
  "TradeMark™ and Copyright© and Registered®",
  "x² + y² = z²",
  "a\u00A0non-breaking\u00A0space",
  "10 ㎏ and 5 ㎞ and 3 ㎖",
  "Chapter Ⅻ and Ⅳ",
  "ｶﾀｶﾅ half-width katakana",
  "zero\u200Bwidth\u200Bspace",
  "\uFEFFbyte order mark at the start",
  "soft\u00ADhyphen",
  "ℌello ℍilbert ℕatural",
  "µ micro sign and Å angstrom sign",
];

const whitespace = [
  "two  spaces",
  "many      spaces      here",
  "  leading and trailing spaces  ",
  "tab\tseparated\tvalues",
  "line one\nline two\nline three",
  "windows\r\nline endings",
  " ",
  "\t\t",
  "end with newline\n",
  "ideographic\u3000space",
];

const casing = [
  "THIS IS ALL CAPS SHOUTING",
  "this is all lower case",
  "ThIs Is AlTeRnAtInG cAsE",
  "CamelCaseIdentifierName",
  "snake_case_identifier_name",
  "McDonald's and O'Reilly",
  "iPhone eBay YouTube LinkedIn",
  "NASA, FBI, UNESCO and the EU",
];

const questionsAndPairs = [
  "How can I improve my credit score?",
  "What steps raise a person's credit rating?",
  "Is it going to rain tomorrow?",
  "Will there be rain tomorrow?",
  "The car needs new tires.",
  "The vehicle requires replacement tyres.",
  "Where is the nearest pharmacy?",
  "Can you tell me where to find a drugstore nearby?",
  "The server crashed during the night.",
  "Last night the server went down.",
  "I am very happy with the service.",
  "I'm really pleased with how I was served.",
  "He bought a new laptop yesterday.",
  "Yesterday he purchased a new notebook computer.",
  "Translate this sentence into Spanish.",
  "Please convert this sentence to Spanish.",
];

const lorem =
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.";
const report =
  "The migration study compared the incumbent model with two candidates on four hundred customer questions. " +
  "Each answer was scored for faithfulness, relevance and tone by a panel of judges, and the cost per thousand calls was recorded. " +
  "The cheaper candidate matched the incumbent on relevance but fell short on faithfulness for questions about fees and interest rates. ";

const long = [
  report,
  report + report,
  report.repeat(4),
  lorem.repeat(3),
  lorem.repeat(12),
  "word ".repeat(130).trim(),
  "word ".repeat(300).trim(),
  "a".repeat(500),
  "supercalifragilisticexpialidocious ".repeat(20).trim(),
  "The quick brown fox jumps over the lazy dog. ".repeat(25).trim(),
  Array.from({ length: 200 }, (_, i) => String(i)).join(" "),
  Array.from({ length: 60 }, (_, i) => `item${i}`).join(", "),
  "😀".repeat(150),
  "é".repeat(200),
  "北京".repeat(100),
];

// A deterministic spread of mid-length business sentences, so the set covers more vocabulary.
const subjects = ["The bank", "Our customer", "The new model", "The auditor", "A small business", "The analyst", "The support team", "The regulator"];
const verbs = ["reviewed", "rejected", "approved", "questioned", "summarized", "flagged", "updated", "explained"];
const objects = [
  "the mortgage application", "the monthly invoice", "the risk report", "a suspicious payment",
  "the migration plan", "the chatbot transcript", "the interest calculation", "the loan default forecast",
];
const generated = [];
for (let i = 0; i < 40; i++) {
  const s = subjects[i % subjects.length];
  const v = verbs[(i * 3) % verbs.length];
  const o = objects[(i * 5 + Math.floor(i / 8)) % objects.length];
  generated.push(`${s} ${v} ${o} on day ${i + 1}.`);
}

// Duplicates across groups are kept once.
module.exports = [...new Set([
  ...everyday, ...short, ...punctuation, ...digits, ...accents, ...otherScripts, ...emoji,
  ...compatibility, ...whitespace, ...casing, ...questionsAndPairs, ...long, ...generated,
])];
