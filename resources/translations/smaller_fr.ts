<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close About Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private assistant that runs a small language model on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No telemetry. Smaller opens no network connection unless you ask it to, for example by clicking a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller uses Qt and PySide6 under the GNU LGPL version 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model {model} is by Hugging Face, under the {licence} licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy shipped with Smaller is modified: one metadata value (tokenizer.ggml.pre) was changed so that gpt4all can read the file; the weights are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The README explains why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerLine</name>
    <message>
        <source>{n} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first word after {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} ({method}); range {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value}; range {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electricity grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{grid}: {co2} g CO₂e and {water} L of water per kWh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cpu} s of processor time, {rss} MB of memory at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this answer cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was obtained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a source link uses the internet; nothing else in Smaller does.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or press Stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model gave no answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {n} oldest exchanges of this chat no longer fit in the model&apos;s memory and were left out of this answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the window was closed before the answer finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask anything. The answer is written on this computer: nothing you type leaves it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} US cents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} millionths of $1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mb} MB (model file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the whole app used {mb} MB at most (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bf16} GB in 16-bit, {fp8} GB in 8-bit, {int4} GB in 4-bit (the seed article&apos;s 32-bit: {fp32} GB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory to hold the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer, running {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gpus} GPUs of {gb} GB; the same memory as {laptops} laptops of 16 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy for this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{money} of electricity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{range} at API prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same on Llama 3.1 405B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop vs 405B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the 405B model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the comparison card as a PNG, to show in a talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do you need a 405-billion-parameter model for {scope}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Llama 3.1 405B in a datacenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In plain words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimates: EcoLogits (high), ML.ENERGY measurements (low). Details and sources below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this shows, and what it does not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why a range?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(opening one uses the internet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-off cost of building Llama 3.1 405B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta&apos;s own figures (model card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed article&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where they disagree, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats by title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected chat (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>{low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a small model can and cannot do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite an e-mail politely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite this e-mail so that it is polite and friendly: “I still haven&apos;t got the invoice. Send it today.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarise a paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarise this paragraph in one sentence: “Bees visit flowers to collect nectar, which they turn into honey. While they do so, pollen sticks to their bodies and is carried from flower to flower. This lets many plants make fruit and seeds, so much of the food we eat depends on bees.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain a word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain the word “recycling” in simple words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recent fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who won the last football World Cup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maths in several steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pencils cost 1.20 euros for 3. How much do 17 pencils cost, and how much change do you get from 10 euros? Show each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small model is enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where a small model is not enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It learned from texts written before a fixed date and cannot look anything up, so it cannot know recent events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here the small model may answer wrongly, and sound sure of itself: that is the point. Check such answers, or use a bigger tool for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet today: click a question above, or type your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s answer used {local}; the same on the 405B model: {big}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s {n} answers used {local}; the same on the 405B model: {big}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadPanel</name>
    <message>
        <source>Download progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop for now; what is downloaded is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and delete what was downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{speed}/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded and checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FootprintDetailsDialog</name>
    <message>
        <source>What this answer cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of this answer&apos;s cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>What the numbers mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is a piece of a word: the model reads and writes text in pieces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 tokens are about 75 English words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed (tokens/s) and first word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per second (tokens/s) is how fast the answer was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“First word after” is how long you waited before the answer started: the model first reads your whole message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (RAM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM is the computer&apos;s working memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The panel shows how much of it this app holds, the model included, beside the other programs and the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CPU is the chip that does the computing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The panel shows how busy it is, for this app and the whole computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy (Wh, mWh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy is the electricity the computer used to write the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A watt-hour (Wh) is what a 1-watt device uses in one hour: a 10 W LED bulb uses 10 Wh in an hour, and a full phone charge is about 13 Wh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A milliwatt-hour (mWh) is a thousandth of a Wh, a µWh a millionth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured or estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Measured” means the energy was read from the processor&apos;s own energy counter (RAPL, on Linux; usually only the administrator may read it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Estimated” means it was calculated: the processor time this app used, times the processor&apos;s power, plus the memory&apos;s power.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An estimate is shown as a range, because the real power depends on the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CO₂ (g, mg) and the electricity grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CO₂ is the greenhouse gas released to produce the electricity used, in grams (g) or milligrams (mg, a thousandth of a gram).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It depends on the electricity grid: the same answer emits less where power comes from water, nuclear, wind or sun than from coal or gas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grid is your country&apos;s by default and can be changed in Settings; the figures for each country come from EcoLogits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water is what producing the electricity consumed, mostly evaporated in power stations; it also depends on the grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison with Llama 3.1 405B, and why it is a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Llama 3.1 405B is a very large model (405 billion parameters, the numbers it learned) that runs on graphics processors (GPUs) in a datacenter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody outside the datacenter can measure one of its answers, so the app shows a range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The high end comes from EcoLogits&apos; model of a datacenter; the low end from ML.ENERGY&apos;s measurements of GPUs answering many people at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per word, a datacenter GPU is usually more efficient than a laptop: the savings come from using a far smaller model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before it can answer anything, a model is trained once on a huge amount of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card shows that one-off cost for the 405B model: Meta&apos;s own figures beside those of the article “Smaller is smarter”, and where they disagree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EcoLogits: electricity grids and the datacenter model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ML.ENERGY: energy measured on datacenter GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CodeCarbon: how the laptop&apos;s energy is estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux RAPL energy counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta&apos;s Llama 3.1 model card: training figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a source link uses the internet; nothing else in Smaller does.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing instructions for this chat, for example “Answer in French” or “Be brief”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare this chat with 405B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All the answers of this chat, beside the same on Llama 3.1 405B in a datacenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast the last answer was written. A token is a piece of a word: 100 tokens are about 75 English words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resource panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demo mode (for a projector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text, ready questions and the 405B comparison beside every answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See which models fit this computer, download or import one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the &amp;numbers mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or press Stop, then choose the model again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or press Stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use File › Open model file… to choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer before deleting this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{title}” and all its messages?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing instructions the model follows in this chat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is not ready yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answer: {figures}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measured answer to compare yet: ask something.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same on the 405B model: {range}. {words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this answer to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the model to answer this message again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with 405B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the same answer would have cost on Llama 3.1 405B, a model about 3,000 times bigger, in a datacenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message from {author}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelSettingsDialog</name>
    <message>
        <source>Settings for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How a conversation is written out for this model. The wrong format gives odd or endless answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: ### User: %1 ### Assistant: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write %1 where your message goes and %2 where the answer goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing instructions for every chat with this model. A chat&apos;s own system prompt replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creativity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creativity (temperature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length in tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the conversation the model keeps in mind. More uses more memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor threads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with this model in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt format, system prompt, temperature, context length and threads for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy imported files into the models folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked, the file stays where it is and must not be moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the current list of models from GPT4All (uses the internet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the built-in model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped with the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models from GPT4All&apos;s list of {date} ({origin}). This computer has {total} of memory, {free} free now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another download is not finished: wait for it, or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is downloaded and checked. Press Use to chat with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download of “{name}” did not finish. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download of “{name}” was cancelled and its part deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is now the model of the chat window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the built-in model “{name}”? “Restore the built-in model” brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{name}” from this list? The file itself stays where it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{name}”? Its file ({size}) will be deleted from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be removed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in model is back in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings for “{name}” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files (*.gguf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking “{name}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the model into the models folder: {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was imported. Its prompt format, {format}, was read from the file: change it in Settings… if its answers look wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s chat template was not recognised, so {format} was assumed. Choose the format its makers give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was imported. Check its prompt format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not imported. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the current list of models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list is up to date. Models this app can run: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list was not updated; the previous one is still shown. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsTable</name>
    <message>
        <source>{n} billion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} million</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits: it needs about {need} of memory and {free} is free now, with room to spare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>! Tight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tight: it needs about {need} of memory and only {free} is free now. Close other programs before using it, or it may be slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Won&apos;t fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won&apos;t fit: it needs about {need} of memory, more than this computer&apos;s {total} can give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported (linked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in: tiny and fast, for short and simple answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from a file ({architecture} model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {size}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatioChart</name>
    <message>
        <source>Chart: how many times more the 405B model uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>405B ÷ this laptop (log scale; light: low estimate, dark: high; line: 1×)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourcePanel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources used by Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (RAM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer&apos;s working memory. The model must fit in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory use bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How busy the processor is. 100% means every core is fully used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor use over the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer is being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the answers cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy and CO₂ of the answers, as shown under each answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tokens} tokens in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat: {energy}, {co2} CO₂ ({count} answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chats: {energy}, {co2} CO₂ ({count} answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is {equivalent}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (model {size})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller: {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other programs: {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller: {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole computer: {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} logical processors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More threads can be faster on an idle computer, but much slower when other programs are busy. Automatic leaves one core free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tokens} tokens (about {words} words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the conversation the model can keep in mind. More uses more RAM; older messages are left out when it is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest answer in tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creativity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creativity (temperature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 always gives the same answer; higher values vary more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this computer&apos;s country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electricity grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your electricity comes from sets the CO₂ and water per kWh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected ({watts} W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used to estimate energy when it cannot be measured. Detected: {cpu}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel refresh interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the resource panel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start chatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private assistant on your laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a question or a request, press Enter, and Smaller writes an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers are written by a small language model: a program that writes text by guessing, word after word, what comes next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything happens on this computer. Nothing you type leaves it, and no internet connection is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rewrite an e-mail in a different tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>summarise a paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>explain a word or an idea simply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recent facts: it learned from texts written before a fixed date and cannot look anything up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long reasoning over many steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact maths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model: {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is small, so it runs on an ordinary laptop. It can also be wrong while sounding sure of itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not good at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under each answer, one line says how long it took and what it cost: the electricity the computer used (in Wh, watt-hours) and the CO₂ released to produce that electricity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Compare with 405B” shows the same answer on a very large model in a datacenter. Help › What the numbers mean explains every figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try one of these first questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a question to ask it, or press Start and type your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain the word “photosynthesis” in simple words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite this message so it sounds polite: “Send me the report now.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give me three ideas for a rainy Sunday afternoon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen {current} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
